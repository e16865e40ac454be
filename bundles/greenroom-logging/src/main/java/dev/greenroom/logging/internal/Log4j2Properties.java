package dev.greenroom.logging.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The log4j2 configuration Greenroom hands to pax-logging (ConfigAdmin pid {@value #PID}) in
 * pax-logging's properties syntax: log4j2's properties format with every key under {@value
 * #PREFIX}. One console appender; its layout is a PatternLayout for pretty lines or a
 * JsonTemplateLayout (embedded in pax-logging-log4j2) for JSON lines. The root level is {@code
 * LOG_LEVEL}, so every bundle that logs through pax-logging (Pax Web, Jetty) follows it too.
 */
public final class Log4j2Properties {
  public static final String PID = "org.ops4j.pax.logging";
  public static final String PREFIX = "log4j2.";
  /** Marks a configuration as Greenroom's, so one written by a user is never overwritten. */
  public static final String MARKER = "greenroom.generated";
  public static final String APPENDER = "out";
  /**
   * A logger set to TRACE only by Greenroom's configuration: while it is not trace-enabled,
   * pax-logging still runs on its default configuration (ConfigAdmin delivers asynchronously).
   */
  public static final String PROBE = "dev.greenroom.logging.configured";
  /** Chatty infrastructure kept at warn unless LOG_LEVEL asks for debug. */
  static final String[] QUIET = {"org.ops4j.pax.web", "org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb"};
  /**
   * Flyway 9.22's warning that H2 2.2.224 is newer than it has tested, once per database at every
   * start: the pair is the one the toolchain pins, so it is expected; errors still show.
   */
  static final String FLYWAY_VERSION_CHECK = "org.flywaydb.core.internal.database.base.Database";

  /** {@code <time> <level> <plugin> <message> key=value}, time in UTC as Backstage prints it. */
  public static final String PRETTY_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}{UTC} %level{lowerCase=true} %c{1.} %m%n";

  /**
   * Backstage's JSON line ({@code level}, {@code message}, {@code timestamp} and the meta fields at
   * the top level), plus the logger name and the error, when there is one.
   */
  public static final String JSON_TEMPLATE = """
      {
        "timestamp": {"$resolver": "timestamp", "pattern": {"format": "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "timeZone": "UTC"}},
        "level": {"$resolver": "pattern", "pattern": "%level{lowerCase=true}", "stackTraceEnabled": false},
        "message": {"$resolver": "message", "stringified": true},
        "logger": {"$resolver": "logger", "field": "name"},
        "error": {"$resolver": "exception", "field": "message"},
        "stack": {"$resolver": "exception", "field": "stackTrace", "stackTrace": {"stringified": true}},
        "meta": {"$resolver": "mdc", "flatten": true, "stringified": true}
      }
      """;

  private Log4j2Properties() {}

  public static Map<String, String> of(LogSettings settings) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(MARKER, "true");
    p.put(PREFIX + "rootLogger.level", settings.level().name().toLowerCase(Locale.ROOT));
    p.put(PREFIX + "rootLogger.appenderRef." + APPENDER + ".ref", APPENDER);
    p.put(PREFIX + "logger.probe.name", PROBE);
    p.put(PREFIX + "logger.probe.level", "trace");
    if (settings.level().toInt() > org.slf4j.event.Level.DEBUG.toInt()) {
      for (int i = 0; i < QUIET.length; i++) {
        p.put(PREFIX + "logger.quiet" + i + ".name", QUIET[i]);
        p.put(PREFIX + "logger.quiet" + i + ".level", "warn");
      }
      p.put(PREFIX + "logger.flywayVersionCheck.name", FLYWAY_VERSION_CHECK);
      p.put(PREFIX + "logger.flywayVersionCheck.level", "error");
    }
    String appender = PREFIX + "appender." + APPENDER + ".";
    p.put(appender + "type", "Console");
    p.put(appender + "name", APPENDER);
    p.put(appender + "target", "SYSTEM_OUT");
    if (settings.format() == LogFormat.JSON) {
      p.put(appender + "layout.type", "JsonTemplateLayout");
      p.put(appender + "layout.eventTemplate", JSON_TEMPLATE);
    } else {
      p.put(appender + "layout.type", "PatternLayout");
      p.put(appender + "layout.pattern", PRETTY_PATTERN);
    }
    return p;
  }
}
