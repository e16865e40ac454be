package dev.greenroom.http.internal.server;

import dev.greenroom.backend.api.services.Config;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backstage's duration values (readDurationFromConfig): a number (milliseconds), {@code "5s"},
 * {@code "500ms"}, {@code "2 minutes"}, an ISO-8601 {@code "PT5S"}, or an object {@code
 * {milliseconds, seconds, minutes, hours, days}}. The HTTP bundle's {@code ConfigValues} reads its
 * durations here too (this package is self-contained so greenroom-config can carry a copy).
 */
public final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?)");

  private Durations() {}

  public static Optional<Duration> read(Config config, String key) {
    Optional<Object> raw = config.getOptional(key);
    return raw.map(v -> parse(key, v));
  }

  public static Duration parse(String key, Object v) {
    if (v instanceof Number n) {
      return Duration.ofMillis(n.longValue());
    }
    if (v instanceof Map<?, ?> m) {
      Duration d = Duration.ZERO;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getValue() instanceof Number n)) {
          throw invalid(key, v, "a duration");
        }
        long x = n.longValue();
        d = switch (String.valueOf(e.getKey())) {
          case "milliseconds" -> d.plusMillis(x);
          case "seconds" -> d.plusSeconds(x);
          case "minutes" -> d.plusMinutes(x);
          case "hours" -> d.plusHours(x);
          case "days" -> d.plusDays(x);
          default -> throw invalid(key, v, "a duration");
        };
      }
      return d;
    }
    String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("p")) {
      try {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(key, v, "a duration");
      }
    }
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      throw invalid(key, v, "a duration such as 5s, 500ms or PT5S");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    double millis = switch (unit.charAt(0)) {
      case 's' -> amount * 1000;
      case 'm' -> unit.equals("m") || unit.startsWith("min") ? amount * 60_000 : amount;
      case 'h' -> amount * 3_600_000;
      case 'd' -> amount * 86_400_000;
      default -> amount;
    };
    return Duration.ofMillis((long) millis);
  }

  static IllegalArgumentException invalid(String key, Object value, String expected) {
    return new IllegalArgumentException("Invalid config value at '" + key + "': '" + value + "' is not " + expected);
  }
}
