package dev.greenroom.config.internal;

/** A typed getter's error (missing key, wrong type, unconvertible value); the message is Backstage's. */
public final class ConfigValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConfigValueException(String message) {
    super(message);
  }
}
