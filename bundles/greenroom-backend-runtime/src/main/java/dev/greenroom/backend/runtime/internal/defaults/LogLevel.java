package dev.greenroom.backend.runtime.internal.defaults;

import java.util.Locale;

/** Log levels, ordered by severity; parsed from {@code LOG_LEVEL}. */
public enum LogLevel {
  ERROR,
  WARN,
  INFO,
  DEBUG;

  public static LogLevel parse(String value, LogLevel fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  public boolean enables(LogLevel other) {
    return other.ordinal() <= ordinal();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
