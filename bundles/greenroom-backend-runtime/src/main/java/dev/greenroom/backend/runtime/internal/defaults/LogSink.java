package dev.greenroom.backend.runtime.internal.defaults;

import java.time.Instant;
import java.util.Map;

/** Where formatted log records go; the console sink is the default, tests capture records. */
@FunctionalInterface
public interface LogSink {
  void write(Instant at, LogLevel level, String message, Throwable error, Map<String, String> meta);
}
