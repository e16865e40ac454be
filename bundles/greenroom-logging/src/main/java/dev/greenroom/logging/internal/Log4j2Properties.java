package dev.greenroom.logging.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The log4j2 configuration Greenroom hands to pax-logging (ConfigAdmin pid {@value #PID}) in
 * pax-logging's properties syntax: log4j2's properties format with every key under {@value
 * #PREFIX}. One console appender; its layout is a PatternLayout for pretty lines or a
 * JSON-shaped PatternLayout for JSON lines. The root level is {@code
 * LOG_LEVEL}, so every bundle that logs through pax-logging (Pax Web, Jetty) follows it too.
 * JSON lines are written by a PatternLayout too (see {@link #JSON_PATTERN}).
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
  /**
   * Debug-chatty libraries kept at warn when the root is lowered for {@code backend.logger} only
   * (the embedded db-scheduler, the framework's own bundles): the config asked for Greenroom's
   * lines, not theirs.
   */
  static final String[] QUIET_WHEN_LOWERED = {"com.github.kagkarlsson", "org.apache.felix", "org.ops4j.pax"};
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
   * Backstage's JSON line ({@code level}, {@code message}, the meta fields at the top level) plus
   * {@code timestamp}, the logger name and the error, as a PatternLayout: Greenroom's loggers hand
   * their meta (JSON values of any type, nested objects included) and their error as ready JSON
   * fields in the MDC entry {@value GreenroomLogger#MDC_FIELDS}, spliced in unescaped; other
   * libraries' lines (Pax Web, Jetty) have no such entry and carry their exception through the
   * {@code %ex} fields. JsonTemplateLayout cannot splice JSON, so a nested value would become a
   * string there.
   */
  public static final String JSON_PATTERN =
      "{\"timestamp\":\"%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}{UTC}\","
          + "\"level\":\"%level{lowerCase=true}\","
          + "\"message\":\"%enc{%m}{JSON}\","
          + "\"logger\":\"%enc{%c}{JSON}\""
          + "%X{" + GreenroomLogger.MDC_FIELDS + "}"
          + "%notEmpty{,\"error\":\"%enc{%ex{short.message}}{JSON}\"}"
          + "%notEmpty{,\"stack\":\"%enc{%ex{full}}{JSON}\"}"
          + "}%n";

  private Log4j2Properties() {}

  public static Map<String, String> of(LogSettings settings) {
    return of(settings, settings.level());
  }

  /**
   * As {@link #of(LogSettings)} with the root at {@code rootLevel}: lower than the environment's
   * level when {@code backend.logger} asks for more (Greenroom's loggers then filter themselves),
   * in which case the engine and the framework stay at warn as well.
   */
  public static Map<String, String> of(LogSettings settings, org.slf4j.event.Level rootLevel) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(MARKER, "true");
    p.put(PREFIX + "rootLogger.level", rootLevel.name().toLowerCase(Locale.ROOT));
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
    if (rootLevel.toInt() < settings.level().toInt()) {
      for (int i = 0; i < QUIET_WHEN_LOWERED.length; i++) {
        p.put(PREFIX + "logger.lowered" + i + ".name", QUIET_WHEN_LOWERED[i]);
        p.put(PREFIX + "logger.lowered" + i + ".level", "warn");
      }
    }
    String appender = PREFIX + "appender." + APPENDER + ".";
    p.put(appender + "type", "Console");
    p.put(appender + "name", APPENDER);
    p.put(appender + "target", "SYSTEM_OUT");
    if (settings.format() == LogFormat.JSON) {
      p.put(appender + "layout.type", "PatternLayout");
      p.put(appender + "layout.pattern", JSON_PATTERN);
      p.put(appender + "layout.alwaysWriteExceptions", "false");
    } else {
      p.put(appender + "layout.type", "PatternLayout");
      p.put(appender + "layout.pattern", PRETTY_PATTERN);
    }
    return p;
  }
}
