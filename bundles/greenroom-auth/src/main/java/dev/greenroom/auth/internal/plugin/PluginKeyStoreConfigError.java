package dev.greenroom.auth.internal.plugin;

/**
 * Invalid {@code backend.auth.pluginKeyStore} config or key file: the reason (Backstage's message
 * where it has one; it names the file) followed by the config key it is about.
 */
public final class PluginKeyStoreConfigError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String configKey;

  public PluginKeyStoreConfigError(String reason, String configKey) {
    super(reason + " at '" + configKey + "'");
    this.configKey = configKey;
  }

  /** The full config key of the offending value. */
  public String configKey() {
    return configKey;
  }
}
