package dev.greenroom.logging.internal;

import java.util.Map;
import org.slf4j.event.Level;

/**
 * What the environment asks of the root logger: the level ({@code LOG_LEVEL}, default info) and
 * the line format ({@code GREENROOM_LOG_FORMAT}, else {@code NODE_ENV}).
 *
 * @param levelFromEnv whether {@code LOG_LEVEL} set the level; it then wins over {@code
 *     backend.logger.level}, as in Backstage ({@code process.env.LOG_LEVEL || config level})
 */
public record LogSettings(Level level, LogFormat format, boolean levelFromEnv) {
  public static final String LEVEL_VAR = "LOG_LEVEL";
  public static final String FORMAT_VAR = "GREENROOM_LOG_FORMAT";

  /** Settings whose level came from the environment. */
  public LogSettings(Level level, LogFormat format) {
    this(level, format, true);
  }

  public static LogSettings fromEnv(Map<String, String> env) {
    String level = env.get(LEVEL_VAR);
    return new LogSettings(parseLevel(level), LogFormat.fromEnv(env), level != null && !level.isBlank());
  }

  /** Winston's level names (Backstage's) mapped onto SLF4J's; unknown names are an error. */
  static Level parseLevel(String value) {
    if (value == null || value.isBlank()) {
      return Level.INFO;
    }
    Level level = WinstonLevels.parse(value);
    if (level == null) {
      throw new IllegalArgumentException("Invalid " + LEVEL_VAR + " '" + value
          + "': expected one of error, warn, info, http, verbose, debug, silly");
    }
    return level;
  }
}
