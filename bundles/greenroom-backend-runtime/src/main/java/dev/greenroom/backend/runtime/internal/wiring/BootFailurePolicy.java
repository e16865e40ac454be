package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.services.Config;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code backend.startup}: whether a plugin's or module's boot failure is permitted ({@code
 * continue}) or not ({@code abort}, the default). A module's setting falls back to the default
 * module setting, never to its plugin's. Keys are case-sensitive; read once, up front (as upstream's
 * createAllowBootFailurePredicate), so an invalid value fails start before any plugin runs.
 */
public final class BootFailurePolicy {
  private final String defaultPlugin;
  private final String defaultModule;
  private final Map<String, String> plugins = new HashMap<>();
  private final Map<String, Map<String, String>> modules = new HashMap<>();

  private BootFailurePolicy(Config config) {
    this.defaultPlugin = read(config, "backend.startup.default.onPluginBootFailure");
    this.defaultModule = read(config, "backend.startup.default.onPluginModuleBootFailure");
    Config pluginsConfig = config == null ? null : config.getOptionalConfig("backend.startup.plugins").orElse(null);
    if (pluginsConfig == null) {
      return;
    }
    for (String pluginId : pluginsConfig.keys()) {
      Config pluginConfig = pluginsConfig.getConfig(pluginId);
      pluginConfig.getOptionalString("onPluginBootFailure").ifPresent(v -> plugins.put(pluginId, v));
      Config modulesConfig = pluginConfig.getOptionalConfig("modules").orElse(null);
      if (modulesConfig == null) {
        continue;
      }
      Map<String, String> moduleMap = new HashMap<>();
      for (String moduleId : modulesConfig.keys()) {
        modulesConfig.getConfig(moduleId).getOptionalString("onPluginModuleBootFailure")
            .ifPresent(v -> moduleMap.put(moduleId, v));
      }
      if (!moduleMap.isEmpty()) {
        modules.put(pluginId, moduleMap);
      }
    }
  }

  public static BootFailurePolicy from(Config config) {
    return new BootFailurePolicy(config);
  }

  public boolean isPluginFailurePermitted(String pluginId) {
    return "continue".equals(plugins.getOrDefault(pluginId, defaultPlugin));
  }

  public boolean isModuleFailurePermitted(String pluginId, String moduleId) {
    return "continue".equals(modules.getOrDefault(pluginId, Map.of()).getOrDefault(moduleId, defaultModule));
  }

  private static String read(Config config, String key) {
    return config == null ? "abort" : config.getOptionalString(key).orElse("abort");
  }
}
