package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.Config;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations and byte sizes the way Backstage's config does. Errors name the key.
 *
 * <p>Durations: a number (milliseconds), {@code "5s"}, {@code "500ms"}, {@code "2 minutes"}, an
 * ISO-8601 {@code "PT5S"}, or an object {@code {milliseconds, seconds, minutes, hours, days}}.
 * Sizes: a number (bytes) or {@code "100kb"}, {@code "10mb"}, {@code "1gb"}.
 */
public final class ConfigValues {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)?");

  private ConfigValues() {}

  public static Duration duration(Config config, String key, Duration fallback) {
    return dev.greenroom.http.internal.server.Durations.read(config, key).orElse(fallback);
  }

  public static long bytes(Config config, String key, long fallback) {
    Optional<Object> raw = config.getOptional(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    Object v = raw.get();
    if (v instanceof Number n) {
      return n.longValue();
    }
    Matcher m = SIZE.matcher(String.valueOf(v).trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw invalid(key, v, "a size such as 1048576, 100kb or 10mb");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    long factor = switch (unit) {
      case "kb" -> 1024L;
      case "mb" -> 1024L * 1024;
      case "gb" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    return (long) (amount * factor);
  }

  /** A whole number of at least {@code min}: a number or a numeric string, as YAML may give either. */
  public static int count(Config config, String key, int fallback, int min) {
    Optional<Object> raw = config.getOptional(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    Object v = raw.get();
    String expected = min == 0 ? "a whole number (0 or more)" : "a whole number of at least " + min;
    long n;
    if (v instanceof Number num) {
      if (num.doubleValue() != Math.rint(num.doubleValue())) {
        throw invalid(key, v, expected);
      }
      n = num.longValue();
    } else {
      try {
        n = Long.parseLong(String.valueOf(v).trim());
      } catch (NumberFormatException e) {
        throw invalid(key, v, expected);
      }
    }
    if (n < min || n > Integer.MAX_VALUE) {
      throw invalid(key, v, expected);
    }
    return (int) n;
  }

  private static IllegalArgumentException invalid(String key, Object value, String expected) {
    return new IllegalArgumentException("Invalid config value at '" + key + "': '" + value + "' is not " + expected);
  }
}
