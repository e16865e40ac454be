package dev.greenroom.config;

/**
 * Configuration could not be loaded: bad YAML, a failing directive, an invalid env overlay or a
 * schema violation. The message says what and where; {@link #file()} and {@link #key()} carry
 * the same as data (either may be null when it does not apply).
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final String key;

  public ConfigException(String message, String file, String key, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.key = key;
  }

  public ConfigException(String message, String file, String key) {
    this(message, file, key, null);
  }

  /** The file (absolute path) or source ({@code env}) at fault, or null. */
  public String file() {
    return file;
  }

  /** The dotted config key at fault, or null. */
  public String key() {
    return key;
  }
}
