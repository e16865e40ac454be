package dev.greenroom.example.backend.module.greetings;

import dev.greenroom.backend.api.services.LoggerService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link LoggerService} that records each line as {@code "<level>: <message>"}. */
final class RecordingLogger implements LoggerService {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** The messages logged at info, in order. */
  List<String> infos() {
    return lines.stream()
        .filter(l -> l.startsWith("info: "))
        .map(l -> l.substring("info: ".length()))
        .toList();
  }

  @Override
  public void error(String message, Throwable error) {
    lines.add("error: " + message);
  }

  @Override
  public void warn(String message, Throwable error) {
    lines.add("warn: " + message);
  }

  @Override
  public void info(String message, Throwable error) {
    lines.add("info: " + message);
  }

  @Override
  public void debug(String message, Throwable error) {
    lines.add("debug: " + message);
  }

  @Override
  public LoggerService child(Map<String, String> meta) {
    return this;
  }
}
