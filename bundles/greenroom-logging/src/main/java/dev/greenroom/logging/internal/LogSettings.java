package dev.greenroom.logging.internal;

import java.util.Locale;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * What the environment asks of the root logger: the level ({@code LOG_LEVEL}, default info) and
 * the line format ({@code GREENROOM_LOG_FORMAT}, else {@code NODE_ENV}).
 */
public record LogSettings(Level level, LogFormat format) {
  public static final String LEVEL_VAR = "LOG_LEVEL";
  public static final String FORMAT_VAR = "GREENROOM_LOG_FORMAT";

  public static LogSettings fromEnv(Map<String, String> env) {
    return new LogSettings(parseLevel(env.get(LEVEL_VAR)), LogFormat.fromEnv(env));
  }

  /** Winston's level names (Backstage's) mapped onto SLF4J's; unknown names are an error. */
  static Level parseLevel(String value) {
    if (value == null || value.isBlank()) {
      return Level.INFO;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "error":
        return Level.ERROR;
      case "warn":
        return Level.WARN;
      case "info":
        return Level.INFO;
      case "http":
      case "verbose":
      case "debug":
        return Level.DEBUG;
      case "silly":
      case "trace":
        return Level.TRACE;
      default:
        throw new IllegalArgumentException("Invalid " + LEVEL_VAR + " '" + value
            + "': expected one of error, warn, info, http, verbose, debug, silly");
    }
  }
}
