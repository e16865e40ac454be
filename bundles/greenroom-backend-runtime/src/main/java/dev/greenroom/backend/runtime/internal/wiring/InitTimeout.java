package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.api.services.Config;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code backend.startup.initTimeout}: how long one plugin's run (its modules' inits, then its own)
 * may take before it is a boot failure that names the init that hangs. Greenroom's key — Backstage
 * has no init timeout, and a hung init there hangs the whole start. Read as Backstage reads
 * durations ({@code readDurationFromConfig} in @backstage/config): milliseconds as a number, an
 * ISO-8601 string ({@code PT2M}), or an object of units ({@code {minutes: 2}}). Default 5 minutes:
 * long enough for a first migration on a slow database. {@code 0} turns it off.
 */
public final class InitTimeout {
  public static final String KEY = "backend.startup.initTimeout";
  public static final Duration DEFAULT = Duration.ofMinutes(5);
  private static final Map<String, Duration> UNITS = Map.of(
      "years", Duration.ofDays(365), "months", Duration.ofDays(30), "weeks", Duration.ofDays(7),
      "days", Duration.ofDays(1), "hours", Duration.ofHours(1), "minutes", Duration.ofMinutes(1),
      "seconds", Duration.ofSeconds(1), "milliseconds", Duration.ofMillis(1));

  private InitTimeout() {}

  public static long millis(Config config) {
    if (config == null) {
      return DEFAULT.toMillis();
    }
    Object value = config.getOptional(KEY).orElse(null);
    if (value == null) {
      return DEFAULT.toMillis();
    }
    if (value instanceof Number n && n.doubleValue() >= 0) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Duration.parse(s.trim().toUpperCase(Locale.ROOT)).toMillis();
      } catch (DateTimeParseException e) {
        throw invalid(value);
      }
    }
    if (value instanceof Map<?, ?>) {
      Config units = config.getConfig(KEY);
      Duration total = Duration.ZERO;
      for (String unit : units.keys()) {
        Duration one = UNITS.get(unit);
        Double n = units.getOptionalNumber(unit).orElse(null);
        if (one == null || n == null || n < 0) {
          throw invalid(value);
        }
        total = total.plusMillis((long) (one.toMillis() * n));
      }
      return total.toMillis();
    }
    throw invalid(value);
  }

  private static IllegalArgumentException invalid(Object value) {
    return new IllegalArgumentException("Invalid type in config for key '" + KEY + "', got " + value
        + ", wanted a duration: milliseconds, an ISO-8601 string such as PT2M, or an object such as {minutes: 2}");
  }
}
