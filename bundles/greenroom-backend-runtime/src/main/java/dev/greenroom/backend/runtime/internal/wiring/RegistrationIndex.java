package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.Registration;
import dev.greenroom.backend.api.RegistrationsFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enumerated plugin and module registrations of a backend, with Backstage's duplicate checks:
 * extension point ids, plugin ids, (plugin, module) ids.
 */
public final class RegistrationIndex {
  private final Map<String, Registration> plugins = new LinkedHashMap<>();
  private final Map<String, Map<String, Registration>> modules = new LinkedHashMap<>();

  /** Enumerates {@code features} in order, registering their extension points in {@code table}. */
  public static RegistrationIndex enumerate(List<RegistrationsFeature> features, ExtensionPointTable table) {
    RegistrationIndex index = new RegistrationIndex();
    for (RegistrationsFeature feature : features) {
      for (Registration r : feature.getRegistrations()) {
        index.add(r, table);
      }
    }
    return index;
  }

  public void add(Registration r, ExtensionPointTable table) {
    if (!Registration.PLUGIN.equals(r.type()) && !Registration.MODULE.equals(r.type())) {
      throw new IllegalStateException("Invalid registration type '" + r.type() + "'");
    }
    table.register(r);
    if (!r.isModule()) {
      if (plugins.containsKey(r.pluginId())) {
        throw new IllegalStateException("Plugin '" + r.pluginId() + "' is already registered");
      }
      plugins.put(r.pluginId(), r);
    } else {
      Map<String, Registration> ofPlugin = modules.computeIfAbsent(r.pluginId(), k -> new LinkedHashMap<>());
      if (ofPlugin.containsKey(r.moduleId())) {
        throw new IllegalStateException(
            "Module '" + r.moduleId() + "' for plugin '" + r.pluginId() + "' is already registered");
      }
      ofPlugin.put(r.moduleId(), r);
    }
  }

  /** Plugin ids with a plugin registration, in registration order. */
  public List<String> pluginIds() {
    return List.copyOf(plugins.keySet());
  }

  public Registration plugin(String pluginId) {
    return plugins.get(pluginId);
  }

  /** The modules of {@code pluginId}, in registration order. */
  public List<Registration> modules(String pluginId) {
    return new ArrayList<>(modules.getOrDefault(pluginId, Map.of()).values());
  }
}
