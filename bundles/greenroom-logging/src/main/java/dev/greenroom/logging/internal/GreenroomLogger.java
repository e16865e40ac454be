package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootLoggerService;
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
 * meta (base {@code service: backstage}, then {@code plugin}, {@code module}, ...): the pretty
 * format appends it to the message as {@code key=value} (the plugin is the logger name, a column of
 * its own); where a layout reads it from the MDC (the JSON layout flattens it into the line, and a
 * user's own log4j2 configuration may use {@code %X}), it is also put into the SLF4J MDC for the
 * line. Secrets are redacted from message, meta and error text before SLF4J sees them.
 *
 * <p>The SLF4J logger is named after the plugin (else the {@code service} meta), so a user's log
 * configuration can set a level per plugin.
 *
 * <p>Every request writes a line through here (Backstage's request log), so the meta is redacted
 * and rendered once per secret set rather than once per line, and the MDC is only touched when a
 * layout reads it.
 */
public final class GreenroomLogger implements RootLoggerService {
  /** Meta keys shown elsewhere in a pretty line, so not repeated as {@code key=value}. */
  private static final List<String> COLUMN_KEYS = List.of("plugin", "service");

  private final Function<String, Logger> loggers;
  private final Logger slf4j;
  private final Map<String, String> meta;
  private final String[] keys;
  private final LogFormat format;
  private final MetaInMdc metaInMdc;
  private final Redactor redactor;
  private volatile RenderedMeta rendered;

  /** The meta as one secret set renders it: redacted values, and the pretty line's suffix. */
  private record RenderedMeta(int generation, String[] values, String suffix) {}

  /** @param metaInMdc whether each line puts the meta into the MDC (read per line: it can change) */
  public GreenroomLogger(
      Function<String, Logger> loggers,
      Map<String, String> meta,
      LogFormat format,
      MetaInMdc metaInMdc,
      Redactor redactor) {
    this.loggers = loggers;
    this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    this.keys = this.meta.keySet().toArray(String[]::new);
    this.format = format;
    this.metaInMdc = metaInMdc;
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
    return new GreenroomLogger(loggers, merged, format, metaInMdc, redactor);
  }

  private void log(Level level, String message, Throwable error) {
    // The backend's configured level (LOG_LEVEL, or a user's per-plugin override) decides.
    if (!slf4j.isEnabledForLevel(level)) {
      return;
    }
    RenderedMeta current = rendered();
    String text = redactor.redact(String.valueOf(message));
    if (format == LogFormat.PRETTY && !current.suffix().isEmpty()) {
      text = text.concat(current.suffix());
    }
    Throwable cause = RedactedThrowable.of(error, redactor);
    if (!metaInMdc.on()) {
      emit(level, text, cause);
      return;
    }
    String[] previous = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      previous[i] = MDC.get(keys[i]);
      MDC.put(keys[i], current.values()[i]);
    }
    try {
      emit(level, text, cause);
    } finally {
      // Restore the caller's MDC: a request filter may have put its own entries there.
      for (int i = 0; i < keys.length; i++) {
        if (previous[i] == null) {
          MDC.remove(keys[i]);
        } else {
          MDC.put(keys[i], previous[i]);
        }
      }
    }
  }

  private void emit(Level level, String text, Throwable cause) {
    if (cause == null) {
      // Single-argument overloads: a plain message, no '{}' placeholder scan by the backend.
      switch (level) {
        case ERROR -> slf4j.error(text);
        case WARN -> slf4j.warn(text);
        case INFO -> slf4j.info(text);
        case DEBUG -> slf4j.debug(text);
        case TRACE -> slf4j.trace(text);
      }
      return;
    }
    // The (String, Throwable) overloads: no '{}' placeholder processing of the message.
    switch (level) {
      case ERROR -> slf4j.error(text, cause);
      case WARN -> slf4j.warn(text, cause);
      case INFO -> slf4j.info(text, cause);
      case DEBUG -> slf4j.debug(text, cause);
      case TRACE -> slf4j.trace(text, cause);
    }
  }

  private RenderedMeta rendered() {
    int generation = redactor.generation();
    RenderedMeta r = rendered;
    if (r == null || r.generation() != generation) {
      r = render(generation);
      rendered = r;
    }
    return r;
  }

  private RenderedMeta render(int generation) {
    String[] values = new String[keys.length];
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      values[i] = redactor.redact(meta.get(keys[i]));
      if (!COLUMN_KEYS.contains(keys[i])) {
        suffix.append(' ').append(keys[i]).append('=').append(values[i]);
      }
    }
    return new RenderedMeta(generation, values, suffix.toString());
  }
}
