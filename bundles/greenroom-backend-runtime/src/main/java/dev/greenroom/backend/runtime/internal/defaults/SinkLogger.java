package dev.greenroom.backend.runtime.internal.defaults;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootLoggerService;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The default root logger and its children: a level filter and metadata over a {@link LogSink}. */
public final class SinkLogger implements RootLoggerService {
  private final LogSink sink;
  private final LogLevel level;
  private final Map<String, String> meta;

  public SinkLogger(LogSink sink, LogLevel level, Map<String, String> meta) {
    this.sink = sink;
    this.level = level;
    this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
  }

  /** The root logger: console output, level from {@code LOG_LEVEL} (default info). */
  public static SinkLogger console() {
    return new SinkLogger(
        new ConsoleLogSink(System.out),
        LogLevel.parse(System.getenv("LOG_LEVEL"), LogLevel.INFO),
        Map.of("service", "greenroom"));
  }

  public Map<String, String> meta() {
    return meta;
  }

  @Override
  public void error(String message, Throwable error) {
    log(LogLevel.ERROR, message, error);
  }

  @Override
  public void warn(String message, Throwable error) {
    log(LogLevel.WARN, message, error);
  }

  @Override
  public void info(String message, Throwable error) {
    log(LogLevel.INFO, message, error);
  }

  @Override
  public void debug(String message, Throwable error) {
    log(LogLevel.DEBUG, message, error);
  }

  @Override
  public LoggerService child(Map<String, String> childMeta) {
    Map<String, String> merged = new LinkedHashMap<>(meta);
    merged.putAll(childMeta);
    return new SinkLogger(sink, level, merged);
  }

  private void log(LogLevel at, String message, Throwable error) {
    if (level.enables(at)) {
      sink.write(Instant.now(), at, message, error, meta);
    }
  }
}
