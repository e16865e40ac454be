package dev.greenroom.logging.internal;

import java.util.List;
import java.util.Locale;
import org.slf4j.event.Level;

/**
 * Backstage's level names (winston's npm levels: {@code error}, {@code warn}, {@code info}, {@code
 * http}, {@code verbose}, {@code debug}, {@code silly}) and SLF4J's levels, both ways.
 */
final class WinstonLevels {
  static final List<String> NAMES = List.of("error", "warn", "info", "http", "verbose", "debug", "silly");

  private WinstonLevels() {}

  /** The SLF4J level of winston level {@code name}, or null when it is not one. */
  static Level parse(String name) {
    if (name == null) {
      return null;
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "error" -> Level.ERROR;
      case "warn" -> Level.WARN;
      case "info" -> Level.INFO;
      case "http", "verbose", "debug" -> Level.DEBUG;
      case "silly", "trace" -> Level.TRACE;
      default -> null;
    };
  }

  /** The winston name of {@code level}, as a line's {@code level} field shows it. */
  static String name(Level level) {
    return switch (level) {
      case ERROR -> "error";
      case WARN -> "warn";
      case INFO -> "info";
      case DEBUG -> "debug";
      case TRACE -> "silly";
    };
  }

  /** Whether a line at {@code line} passes a threshold of {@code threshold}. */
  static boolean passes(Level line, Level threshold) {
    return line.toInt() >= threshold.toInt();
  }
}
