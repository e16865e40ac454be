package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.services.LogMeta;
import dev.greenroom.backend.api.services.LogMetaJson;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootLoggerService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Greenroom's root logger and its children, on the SLF4J 2 API: Backstage's {@code WinstonLogger}
 * ({@code packages/backend-defaults/src/entrypoints/rootLogger/WinstonLogger.ts}). Each line carries
 * the logger's meta (base {@code service: backstage} and {@code backend.logger.meta}, then {@code
 * plugin}, {@code module}, ...) and the line's own meta, values keeping their JSON types:
 *
 * <ul>
 *   <li>pretty: appended to the message as {@code key=value} (strings as they are, other values as
 *       JSON; the plugin is the logger name, a column of its own);
 *   <li>JSON with Greenroom's layout: rendered here as JSON fields (and the error as {@code error}
 *       and {@code stack}) into one MDC entry, {@value #MDC_FIELDS}, that the layout splices into
 *       the line unescaped (see {@link Log4j2Properties#JSON_PATTERN});
 *   <li>a user's own layout: each field as an MDC entry of its own ({@code %X{plugin}}).
 * </ul>
 *
 * Secrets are redacted from message, meta and error text before SLF4J sees them. Which lines pass
 * is {@link LevelPolicy}'s decision ({@code LOG_LEVEL}, {@code backend.logger.level} and {@code
 * .overrides}), then the backend's.
 *
 * <p>The SLF4J logger is named after the plugin (else the {@code service} meta), so a user's log
 * configuration can set a level per plugin.
 *
 * <p>Every request writes a line through here (Backstage's request log), so the logger's own meta is
 * redacted and rendered once per secret set rather than once per line, and the MDC is only touched
 * when a layout reads it.
 */
public final class GreenroomLogger implements RootLoggerService {
  /** The MDC entry holding a line's meta as JSON fields ({@code ,"k":v,...}) for the JSON layout. */
  public static final String MDC_FIELDS = "greenroom.fields";
  /** Meta keys shown elsewhere in a pretty line, so not repeated as {@code key=value}. */
  private static final List<String> COLUMN_KEYS = List.of("plugin", "service");

  /** What every logger of one root shares. */
  record Shared(
      Function<String, Logger> loggers, LogFormat format, MetaInMdc metaInMdc, Redactor redactor, LevelPolicy policy) {}

  private final Shared shared;
  private final Logger slf4j;
  private final LogMeta meta;
  private volatile Rendered rendered;

  /** The logger's meta as one secret set renders it. */
  private record Rendered(int generation, String suffix, String jsonFields, Map<String, String> mdc) {}

  /** @param metaInMdc whether each line puts the meta into the MDC (read per line: it can change) */
  public GreenroomLogger(
      Function<String, Logger> loggers,
      Map<String, ?> meta,
      LogFormat format,
      MetaInMdc metaInMdc,
      Redactor redactor) {
    this(new Shared(loggers, format, metaInMdc, redactor, LevelPolicy.of(Level.TRACE)), LogMeta.from(meta));
  }

  GreenroomLogger(Shared shared, LogMeta meta) {
    this.shared = shared;
    this.meta = meta;
    this.slf4j = shared.loggers().apply(loggerName(meta));
  }

  /** Backstage's line prefix: the plugin, else the service. */
  static String loggerName(Map<String, ?> meta) {
    if (meta.get("plugin") instanceof String plugin && !plugin.isBlank()) {
      return plugin;
    }
    return meta.get("service") instanceof String service && !service.isBlank() ? service : "backstage";
  }

  public LogMeta meta() {
    return meta;
  }

  @Override
  public void error(String message, Throwable error) {
    log(Level.ERROR, message, error, null);
  }

  @Override
  public void warn(String message, Throwable error) {
    log(Level.WARN, message, error, null);
  }

  @Override
  public void info(String message, Throwable error) {
    log(Level.INFO, message, error, null);
  }

  @Override
  public void debug(String message, Throwable error) {
    log(Level.DEBUG, message, error, null);
  }

  @Override
  public void error(String message, Throwable error, Map<String, ?> lineMeta) {
    log(Level.ERROR, message, error, lineMeta);
  }

  @Override
  public void warn(String message, Throwable error, Map<String, ?> lineMeta) {
    log(Level.WARN, message, error, lineMeta);
  }

  @Override
  public void info(String message, Throwable error, Map<String, ?> lineMeta) {
    log(Level.INFO, message, error, lineMeta);
  }

  @Override
  public void debug(String message, Throwable error, Map<String, ?> lineMeta) {
    log(Level.DEBUG, message, error, lineMeta);
  }

  @Override
  public LoggerService child(Map<String, String> childMeta) {
    return new GreenroomLogger(shared, meta.with(childMeta));
  }

  @Override
  public LoggerService child(LogMeta childMeta) {
    return new GreenroomLogger(shared, meta.with(childMeta));
  }

  private void log(Level level, String message, Throwable error, Map<String, ?> lineMeta) {
    boolean hasLineMeta = lineMeta != null && !lineMeta.isEmpty();
    LevelPolicy policy = shared.policy();
    if (policy.simple()
        ? !WinstonLevels.passes(level, policy.global())
        : !policy.passes(level, field -> field(field, level, message, hasLineMeta ? lineMeta : Map.of()))) {
      return;
    }
    // The backend's configured level (or a user's per-plugin override) decides too.
    if (!slf4j.isEnabledForLevel(level)) {
      return;
    }
    Redactor redactor = shared.redactor();
    Rendered current = hasLineMeta ? render(redactor.generation(), meta.with(lineMeta)) : rendered();
    String text = redactor.redact(String.valueOf(message));
    if (shared.format() == LogFormat.PRETTY && !current.suffix().isEmpty()) {
      text = text.concat(current.suffix());
    }
    Throwable cause = RedactedThrowable.of(error, redactor);
    MetaInMdc mdc = shared.metaInMdc();
    if (!mdc.on()) {
      emit(level, text, cause);
      return;
    }
    Map<String, String> entries;
    if (mdc.fields()) {
      // Greenroom's JSON layout: the fields (and the error) go into the line as JSON, unescaped
      String fields = cause == null ? current.jsonFields() : current.jsonFields() + errorFields(cause);
      entries = mdc.keys() ? withFields(current.mdc(), fields) : Map.of(MDC_FIELDS, fields);
      cause = null;
    } else {
      entries = current.mdc();
    }
    withMdc(entries, level, text, cause);
  }

  /** A line's field for the level overrides: its level, message, or a meta value. */
  private Object field(String name, Level level, String message, Map<String, ?> lineMeta) {
    if (lineMeta.containsKey(name)) {
      return lineMeta.get(name);
    }
    return switch (name) {
      case "level" -> WinstonLevels.name(level);
      case "message" -> message;
      default -> meta.get(name);
    };
  }

  private static Map<String, String> withFields(Map<String, String> mdc, String fields) {
    Map<String, String> all = new java.util.LinkedHashMap<>(mdc);
    all.put(MDC_FIELDS, fields);
    return all;
  }

  private void withMdc(Map<String, String> entries, Level level, String text, Throwable cause) {
    String[] keys = entries.keySet().toArray(String[]::new);
    String[] previous = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      previous[i] = MDC.get(keys[i]);
      MDC.put(keys[i], entries.get(keys[i]));
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

  /** {@code ,"error":"<message>","stack":"<trace>"}, the JSON line's error fields. */
  private static String errorFields(Throwable cause) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    StringBuilder out = new StringBuilder(",\"error\":");
    LogMetaJson.string(out, String.valueOf(cause.getMessage()));
    out.append(",\"stack\":");
    LogMetaJson.string(out, trace.toString().stripTrailing());
    return out.toString();
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

  private Rendered rendered() {
    int generation = shared.redactor().generation();
    Rendered r = rendered;
    if (r == null || r.generation() != generation) {
      r = render(generation, meta);
      rendered = r;
    }
    return r;
  }

  private Rendered render(int generation, LogMeta all) {
    Redactor redactor = shared.redactor();
    StringBuilder suffix = new StringBuilder();
    Map<String, String> mdc = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> e : all.entrySet()) {
      Object value = e.getValue();
      String text = value instanceof String s ? redactor.redact(s) : LogMetaJson.write(value, redactor::redact);
      mdc.put(e.getKey(), text);
      if (!COLUMN_KEYS.contains(e.getKey())) {
        suffix.append(' ').append(e.getKey()).append('=').append(text);
      }
    }
    StringBuilder json = new StringBuilder();
    LogMetaJson.appendFields(json, all, redactor::redact);
    return new Rendered(generation, suffix.toString(), json.toString(), Map.copyOf(mdc));
  }
}
