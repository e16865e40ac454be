package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
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
  private final Map<String, Throwable> failures = new LinkedHashMap<>();

  /**
   * Enumerates {@code features} in order, registering their extension points in {@code table}. A
   * duplicate plugin or module becomes a failure of that plugin ({@link #failure}); any other
   * enumeration error (a duplicate extension point, an invalid registration) is thrown.
   */
  public static RegistrationIndex enumerate(List<RegistrationsFeature> features, ExtensionPointTable table) {
    RegistrationIndex index = new RegistrationIndex();
    for (RegistrationsFeature feature : features) {
      for (Registration r : feature.getRegistrations()) {
        try {
          index.add(r, table);
        } catch (DuplicateRegistrationError e) {
          index.failures.putIfAbsent(r.pluginId(), e);
        }
      }
    }
    return index;
  }

  /** Why {@code pluginId} cannot start (a duplicate registration), or null. */
  public Throwable failure(String pluginId) {
    return failures.get(pluginId);
  }

  public void add(Registration r, ExtensionPointTable table) {
    if (!Registration.PLUGIN.equals(r.type()) && !Registration.MODULE.equals(r.type())) {
      throw new IllegalStateException("Invalid registration type '" + r.type() + "'");
    }
    // extension points first, as upstream enumerates them: a registration that is both a duplicate
    // and brings a duplicate extension point reports the extension point
    table.register(r);
    String duplicate = null;
    if (!r.isModule() && plugins.containsKey(r.pluginId())) {
      duplicate = "Plugin '" + r.pluginId() + "' is already registered";
    } else if (r.isModule() && modules.getOrDefault(r.pluginId(), Map.of()).containsKey(r.moduleId())) {
      duplicate = "Module '" + r.moduleId() + "' for plugin '" + r.pluginId() + "' is already registered";
    }
    if (duplicate != null) {
      r.extensionPoints().forEach(p -> table.remove(p.extensionPoint().id()));
      throw new DuplicateRegistrationError(duplicate);
    }
    if (r.isModule()) {
      modules.computeIfAbsent(r.pluginId(), k -> new LinkedHashMap<>()).put(r.moduleId(), r);
    } else {
      plugins.put(r.pluginId(), r);
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
