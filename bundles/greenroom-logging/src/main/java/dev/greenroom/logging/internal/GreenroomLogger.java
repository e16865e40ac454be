package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootLoggerService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Greenroom's root logger and its children, on the SLF4J 2 API. Each line carries the logger's
 * meta (base {@code service: backstage}, then {@code plugin}, {@code module}, ...) as SLF4J MDC
 * entries, so the backend's layout can place them: the JSON layout flattens them into the line,
 * the pretty layout shows the plugin as a column and this class appends the rest as {@code
 * key=value}. Secrets are redacted from message, meta and error text before SLF4J sees them.
 *
 * <p>The SLF4J logger is named after the plugin (else the {@code service} meta), so a user's log
 * configuration can set a level per plugin.
 */
public final class GreenroomLogger implements RootLoggerService {
  /** Meta keys shown elsewhere in a pretty line, so not repeated as {@code key=value}. */
  private static final List<String> COLUMN_KEYS = List.of("plugin", "service");

  private final Function<String, Logger> loggers;
  private final Logger slf4j;
  private final Map<String, String> meta;
  private final LogFormat format;
  private final Redactor redactor;

  public GreenroomLogger(
      Function<String, Logger> loggers, Map<String, String> meta, LogFormat format, Redactor redactor) {
    this.loggers = loggers;
    this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    this.format = format;
    this.redactor = redactor;
    this.slf4j = loggers.apply(loggerName(this.meta));
  }

  /** Backstage's line prefix: the plugin, else the service. */
  static String loggerName(Map<String, String> meta) {
    String plugin = meta.get("plugin");
    if (plugin != null && !plugin.isBlank()) {
      return plugin;
    }
    String service = meta.get("service");
    return service != null && !service.isBlank() ? service : "backstage";
  }

  public Map<String, String> meta() {
    return meta;
  }

  @Override
  public void error(String message, Throwable error) {
    log(Level.ERROR, message, error);
  }

  @Override
  public void warn(String message, Throwable error) {
    log(Level.WARN, message, error);
  }

  @Override
  public void info(String message, Throwable error) {
    log(Level.INFO, message, error);
  }

  @Override
  public void debug(String message, Throwable error) {
    log(Level.DEBUG, message, error);
  }

  @Override
  public LoggerService child(Map<String, String> childMeta) {
    Map<String, String> merged = new LinkedHashMap<>(meta);
    merged.putAll(childMeta);
    return new GreenroomLogger(loggers, merged, format, redactor);
  }

  private void log(Level level, String message, Throwable error) {
    // The backend's configured level (LOG_LEVEL, or a user's per-plugin override) decides.
    if (!slf4j.isEnabledForLevel(level)) {
      return;
    }
    Map<String, String> redactedMeta = new LinkedHashMap<>(meta.size());
    meta.forEach((k, v) -> redactedMeta.put(k, redactor.redact(v)));
    String text = redactor.redact(String.valueOf(message));
    if (format == LogFormat.PRETTY) {
      text = withFields(text, redactedMeta);
    }
    Throwable cause = RedactedThrowable.of(error, redactor);
    List<String[]> previous = new ArrayList<>(redactedMeta.size());
    redactedMeta.forEach((k, v) -> {
      previous.add(new String[] {k, MDC.get(k)});
      MDC.put(k, v);
    });
    try {
      // The (String, Throwable) overloads: no '{}' placeholder processing of the message.
      switch (level) {
        case ERROR -> slf4j.error(text, cause);
        case WARN -> slf4j.warn(text, cause);
        case INFO -> slf4j.info(text, cause);
        case DEBUG -> slf4j.debug(text, cause);
        case TRACE -> slf4j.trace(text, cause);
      }
    } finally {
      // Restore the caller's MDC: a request filter may have put its own entries there.
      for (String[] kv : previous) {
        if (kv[1] == null) {
          MDC.remove(kv[0]);
        } else {
          MDC.put(kv[0], kv[1]);
        }
      }
    }
  }

  private static String withFields(String text, Map<String, String> meta) {
    StringBuilder line = new StringBuilder(text);
    meta.forEach((k, v) -> {
      if (!COLUMN_KEYS.contains(k)) {
        line.append(' ').append(k).append('=').append(v);
      }
    });
    return line.toString();
  }
}
