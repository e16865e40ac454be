package dev.greenroom.auth.internal.external;

/**
 * An invalid {@code backend.auth.externalAccess} entry: Backstage's message ({@link #reason()},
 * verbatim) and the config key it is about.
 */
public final class ExternalAccessConfigError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final String configKey;

  public ExternalAccessConfigError(String reason, String configKey) {
    super(reason + " at '" + configKey + "'");
    this.reason = reason;
    this.configKey = configKey;
  }

  /** Backstage's own message for this problem. */
  public String reason() {
    return reason;
  }

  /** The full config key of the offending value, such as {@code backend.auth.externalAccess[0].options.token}. */
  public String configKey() {
    return configKey;
  }
}
