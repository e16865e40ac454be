package dev.greenroom.backend.api.services;

import dev.greenroom.backend.api.errors.InputError;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a task schedule from config: Backstage's {@code
 * readSchedulerServiceTaskScheduleDefinitionFromConfig} ({@code
 * packages/backend-plugin-api/src/services/definitions/SchedulerService.ts}) with {@code
 * readDurationFromConfig} of {@code @backstage/config} for the durations. Every error names the
 * key it is about.
 */
final class ScheduleConfigReader {
  /** {@code HumanDuration}'s units, in Backstage's order. */
  static final List<String> UNITS =
      List.of("years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds");

  /** Luxon's ISO 8601 duration grammar, as {@code @backstage/config} parses it. */
  private static final Pattern ISO = Pattern.compile(
      "^P(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)W)?(?:(\\d+(?:\\.\\d+)?)D)?"
          + "(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?$");

  private ScheduleConfigReader() {}

  static SchedulerServiceTaskScheduleDefinition read(Config config) {
    SchedulerServiceTaskFrequency frequency = frequency(config, "frequency");
    Duration timeout = duration(config, "timeout");
    Duration initialDelay = config.has("initialDelay") ? duration(config, "initialDelay") : null;
    SchedulerServiceTaskScope scope = null;
    Optional<String> scopeValue = config.getOptionalString("scope");
    if (scopeValue.isPresent()) {
      scope = switch (scopeValue.get()) {
        case "global" -> SchedulerServiceTaskScope.GLOBAL;
        case "local" -> SchedulerServiceTaskScope.LOCAL;
        default -> throw new InputError(
            "Only \"global\" or \"local\" are allowed for TaskScheduleDefinition.scope, but got: "
                + scopeValue.get());
      };
    }
    return new SchedulerServiceTaskScheduleDefinition(frequency, timeout, initialDelay, scope);
  }

  /** {@code {cron: '...'}}, {@code {trigger: 'manual'}}, or a duration. */
  private static SchedulerServiceTaskFrequency frequency(Config config, String key) {
    Object value = config.getOptional(key).orElseThrow(
        () -> new InputError("Missing required config value at '" + key + "'"));
    if (value instanceof Map<?, ?> map && map.containsKey("cron")) {
      Object cron = map.get("cron");
      if (!(cron instanceof String s) || s.isBlank()) {
        throw new InputError("Invalid cron expression in config at '" + key + ".cron', expected a non-empty string");
      }
      return SchedulerServiceTaskFrequency.cron(s.trim());
    }
    if (value instanceof Map<?, ?> map && map.containsKey("trigger")) {
      if (!"manual".equals(map.get("trigger"))) {
        throw new InputError("Invalid trigger '" + map.get("trigger") + "' in config at '" + key
            + ".trigger', expected 'manual'");
      }
      return SchedulerServiceTaskFrequency.manual();
    }
    return SchedulerServiceTaskFrequency.every(duration(config, key));
  }

  /** An ISO 8601 string or a {@code HumanDuration} object, as a positive or zero {@link Duration}. */
  static Duration duration(Config config, String key) {
    Object value = config.getOptional(key).orElseThrow(
        () -> new InputError("Missing required config value at '" + key + "'"));
    if (value instanceof String s) {
      return iso(s.trim(), key);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InputError("Failed to read duration from config at '" + key + "', expected an ISO duration string "
          + "such as 'PT1M' or an object with one or more of " + quoted(UNITS) + ", got " + value);
    }
    Duration total = Duration.ZERO;
    boolean found = false;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String unit = String.valueOf(e.getKey());
      if (!UNITS.contains(unit)) {
        throw new InputError("Failed to read duration from config at '" + key + "', Unknown property '" + unit
            + "'; expected one or more of " + quoted(UNITS));
      }
      if (!(e.getValue() instanceof Number n)) {
        throw new InputError("Failed to read duration from config at '" + key + "', '" + key + "." + unit
            + "' must be a number, got " + e.getValue());
      }
      total = total.plus(of(new BigDecimal(n.toString()), unit, key));
      found = true;
    }
    if (!found) {
      throw new InputError("Failed to read duration from config at '" + key + "', Needs one or more of " + quoted(UNITS));
    }
    return total;
  }

  private static Duration iso(String text, String key) {
    Matcher m = ISO.matcher(text);
    if (!m.matches() || text.equals("P") || text.endsWith("T")) {
      throw new InputError("Invalid duration '" + text + "' in config at '" + key
          + "', Invalid ISO format, expected a value similar to 'P2DT6H' (2 days 6 hours) or 'PT1M' (1 minute)");
    }
    Duration total = Duration.ZERO;
    String[] units = {"years", "months", "weeks", "days", "hours", "minutes", "seconds"};
    for (int i = 0; i < units.length; i++) {
      String group = m.group(i + 1);
      if (group != null) {
        total = total.plus(of(new BigDecimal(group.replace(',', '.')), units[i], key));
      }
    }
    return total;
  }

  /**
   * {@code amount} of {@code unit}; a month is 30 days and a year 365 days, luxon's casual
   * conversion, since a {@link Duration} has no calendar units.
   */
  private static Duration of(BigDecimal amount, String unit, String key) {
    if (amount.signum() < 0) {
      throw new InputError("Failed to read duration from config at '" + key + "', Negative durations are not allowed");
    }
    long millisPerUnit = switch (unit) {
      case "years" -> 365L * 86_400_000L;
      case "months" -> 30L * 86_400_000L;
      case "weeks" -> 7L * 86_400_000L;
      case "days" -> 86_400_000L;
      case "hours" -> 3_600_000L;
      case "minutes" -> 60_000L;
      case "seconds" -> 1_000L;
      default -> 1L;
    };
    return Duration.ofMillis(amount.multiply(BigDecimal.valueOf(millisPerUnit)).longValue());
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
