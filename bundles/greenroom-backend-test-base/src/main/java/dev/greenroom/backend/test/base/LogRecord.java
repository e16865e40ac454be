package dev.greenroom.backend.test.base;

import java.util.Map;

/** One captured log line: level ({@code error}, {@code warn}, {@code info}, {@code debug}), message, error, metadata. */
public record LogRecord(String level, String message, Throwable error, Map<String, String> meta) {
  /** The plugin id the line is tagged with, or null. */
  public String plugin() {
    return meta.get("plugin");
  }
}
