package dev.greenroom.permission.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What core.permissions, core.permissionsRegistry and plugin {@code permission} share in one
 * backend: the active policy and each running plugin's registrations (so conditions are applied in
 * process, without the HTTP round trip Backstage's permission backend makes).
 */
public final class PermissionSystem {
  private final ActivePolicy policy = new ActivePolicy();
  private final Map<String, PluginPermissions> plugins = new ConcurrentHashMap<>();
  private final ParamsValidator validator = new ParamsValidator();

  public ActivePolicy policy() {
    return policy;
  }

  ParamsValidator validator() {
    return validator;
  }

  /** The registrations of running plugin {@code pluginId}, or null. */
  PluginPermissions plugin(String pluginId) {
    return plugins.get(pluginId);
  }

  void put(PluginPermissions store) {
    plugins.put(store.pluginId(), store);
  }

  void remove(PluginPermissions store) {
    plugins.remove(store.pluginId(), store);
  }

  /** Whether some running plugin registered a permission named {@code name}; its registration if so. */
  dev.greenroom.backend.api.services.Permission registered(String name) {
    for (PluginPermissions store : plugins.values()) {
      var p = store.permission(name);
      if (p != null) {
        return p;
      }
    }
    return null;
  }
}
