package dev.greenroom.backend.test.base;

import dev.greenroom.backend.runtime.internal.defaults.LogLevel;
import dev.greenroom.backend.runtime.internal.defaults.LogSink;
import dev.greenroom.backend.runtime.internal.defaults.SinkLogger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A root logger that records every line (all levels) for assertions. */
public final class CapturingLogger {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final SinkLogger logger;

  public CapturingLogger() {
    LogSink sink = (at, level, message, error, meta) ->
        records.add(new LogRecord(level.label(), message, error, Map.copyOf(meta)));
    this.logger = new SinkLogger(sink, LogLevel.DEBUG, Map.of("service", "greenroom"));
  }

  public SinkLogger logger() {
    return logger;
  }

  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** Messages only, in order. */
  public List<String> messages() {
    return records.stream().map(LogRecord::message).collect(Collectors.toList());
  }
}
