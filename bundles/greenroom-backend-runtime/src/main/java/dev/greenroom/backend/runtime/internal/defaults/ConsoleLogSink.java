package dev.greenroom.backend.runtime.internal.defaults;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

/**
 * Human-readable lines in Backstage's local format: {@code <time> <plugin|service> <level>
 * <message> <k=v...>}, stack traces below the line.
 */
public final class ConsoleLogSink implements LogSink {
  private final PrintStream out;

  public ConsoleLogSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void write(Instant at, LogLevel level, String message, Throwable error, Map<String, String> meta) {
    StringBuilder line = new StringBuilder(128);
    line.append(at).append(' ');
    String who = meta.getOrDefault("plugin", meta.getOrDefault("service", "greenroom"));
    line.append(who).append(' ').append(level.label()).append(' ').append(message);
    meta.forEach(
        (k, v) -> {
          if (!k.equals("plugin") && !k.equals("service")) {
            line.append(' ').append(k).append('=').append(v);
          }
        });
    if (error != null) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
    }
    synchronized (out) {
      out.println(line);
    }
  }
}
