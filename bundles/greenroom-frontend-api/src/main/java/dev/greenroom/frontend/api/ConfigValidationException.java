package dev.greenroom.frontend.api;

/** A config value that fails its schema: {@code <reason> at '<path>'}. */
public final class ConfigValidationException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String reason;
  private final String path;

  public ConfigValidationException(String reason, String path) {
    super(reason + " at '" + path + "'");
    this.reason = reason;
    this.path = path;
  }

  public String reason() {
    return reason;
  }

  /** Dotted path of the offending field, e.g. {@code layout.width}. */
  public String path() {
    return path;
  }
}
