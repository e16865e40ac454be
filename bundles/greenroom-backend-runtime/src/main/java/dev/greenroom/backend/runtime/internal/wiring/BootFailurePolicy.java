package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.services.Config;

/**
 * {@code backend.startup}: whether a plugin's or module's boot failure is permitted ({@code
 * continue}) or not ({@code abort}, the default). A module's setting falls back to the default
 * module setting, never to its plugin's. Keys are case-sensitive; read once, up front.
 */
public final class BootFailurePolicy {
  private final Config config;

  private BootFailurePolicy(Config config) {
    this.config = config;
  }

  public static BootFailurePolicy from(Config config) {
    return new BootFailurePolicy(config);
  }

  public boolean isPluginFailurePermitted(String pluginId) {
    String fallback = read("backend.startup.default.onPluginBootFailure", "abort");
    return "continue".equals(read("backend.startup.plugins." + pluginId + ".onPluginBootFailure", fallback));
  }

  public boolean isModuleFailurePermitted(String pluginId, String moduleId) {
    String fallback = read("backend.startup.default.onPluginModuleBootFailure", "abort");
    return "continue".equals(
        read(
            "backend.startup.plugins." + pluginId + ".modules." + moduleId + ".onPluginModuleBootFailure",
            fallback));
  }

  private String read(String key, String fallback) {
    if (config == null) {
      return fallback;
    }
    return config.getOptionalString(key).orElse(fallback);
  }
}
