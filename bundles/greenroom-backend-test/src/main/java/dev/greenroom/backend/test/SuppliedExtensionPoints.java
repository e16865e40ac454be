package dev.greenroom.backend.test;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.Dependency;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the extension points a test supplies into features, as Backstage's startTestBackend does
 * (packages/backend-test-utils/src/wiring/TestBackend.ts, createExtensionPointTestModules and
 * createPluginsForOrphanModules): each supplied point is registered by a module {@code
 * test-extension-point-registration} of the plugin whose tested module consumes it, and a module
 * whose plugin is not under test gets an empty plugin, so it can start alone.
 */
final class SuppliedExtensionPoints {
  static final String MODULE_ID = "test-extension-point-registration";

  private SuppliedExtensionPoints() {}

  record Supplied<T>(ExtensionPoint<T> ref, T impl) {}

  static List<BackendFeature> features(List<BackendFeature> features, Map<String, Supplied<?>> supplied) {
    List<Registration> registrations = new ArrayList<>();
    for (BackendFeature f : features) {
      if (f instanceof RegistrationsFeature r) {
        registrations.addAll(r.getRegistrations());
      }
    }
    Set<String> unplaced = new LinkedHashSet<>(supplied.keySet());
    Map<String, List<String>> byPlugin = new LinkedHashMap<>();
    for (Registration r : registrations) {
      if (!r.isModule()) {
        continue;
      }
      for (Dependency<?> dep : r.init().deps().asList()) {
        if (dep instanceof ExtensionPoint<?> && unplaced.remove(dep.id())) {
          byPlugin.computeIfAbsent(r.pluginId(), k -> new ArrayList<>()).add(dep.id());
        }
      }
    }
    if (!unplaced.isEmpty()) {
      throw new IllegalArgumentException(
          "Unable to determine the plugin ID of extension point(s) "
              + unplaced.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "))
              + ". Tested extension points must be depended on by one or more tested modules.");
    }
    List<BackendFeature> out = new ArrayList<>();
    byPlugin.forEach((pluginId, ids) -> out.add(BackendModule.create(pluginId, MODULE_ID, env -> {
      for (String id : ids) {
        register(env, supplied.get(id));
      }
      env.registerInit(Deps.none(), deps -> {});
    })));
    Set<String> plugins = registrations.stream().filter(r -> !r.isModule()).map(Registration::pluginId)
        .collect(Collectors.toSet());
    Set<String> orphans = new LinkedHashSet<>();
    registrations.stream().filter(Registration::isModule).map(Registration::pluginId)
        .filter(id -> !plugins.contains(id)).forEach(orphans::add);
    orphans.addAll(byPlugin.keySet().stream().filter(id -> !plugins.contains(id)).toList());
    for (String pluginId : orphans) {
      out.add(BackendPlugin.create(pluginId, env -> env.registerInit(Deps.none(), deps -> {})));
    }
    return out;
  }

  private static <T> void register(dev.greenroom.backend.api.RegistrationPoints env, Supplied<T> s) {
    env.registerExtensionPoint(s.ref(), s.impl());
  }
}
