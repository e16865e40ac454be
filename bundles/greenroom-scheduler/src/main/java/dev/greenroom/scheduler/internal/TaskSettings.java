package dev.greenroom.scheduler.internal;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A task's validated schedule, and its settings in Backstage's {@code TaskSettingsV2} shape
 * ({@code version}, {@code cadence}, {@code timeoutAfterDuration}, {@code initialDelayDuration}).
 */
public record TaskSettings(
    String taskId, Cadence cadence, Duration timeout, Duration initialDelay) {

  /** Backstage's {@code validateId}: ids must be non-blank (they end up in metric labels). */
  public static void validateId(String id) {
    if (id == null || id.trim().isEmpty()) {
      throw new InputError(id + " is not a valid ID, expected non-empty string");
    }
  }

  /** Validates {@code schedule} for task {@code taskId} of plugin {@code pluginId}. */
  public static TaskSettings of(
      String pluginId, String taskId, SchedulerServiceTaskScheduleDefinition schedule) {
    validateId(taskId);
    String where = "Task " + taskId + " of plugin " + pluginId;
    Cadence cadence = Cadence.of(where, schedule.frequency());
    Duration timeout = schedule.timeout();
    if (timeout.isZero() || timeout.isNegative()) {
      throw new InputError(where + " has an invalid timeout " + timeout + ", expected a positive duration");
    }
    Duration initialDelay = schedule.initialDelay();
    if (initialDelay != null && initialDelay.isNegative()) {
      throw new InputError(
          where + " has an invalid initialDelay " + initialDelay + ", expected zero or a positive duration");
    }
    if (initialDelay != null && initialDelay.isZero()) {
      initialDelay = null;
    }
    return new TaskSettings(taskId, cadence, timeout, initialDelay);
  }

  /** Frequency as Backstage stores it: an ISO duration, the cron expression or {@code manual}. */
  public static String cadenceString(SchedulerServiceTaskFrequency frequency) {
    if (frequency instanceof SchedulerServiceTaskFrequency.Every every) {
      return every.interval().toString();
    }
    if (frequency instanceof SchedulerServiceTaskFrequency.Cron cron) {
      return cron.expression();
    }
    return "manual";
  }

  /** The settings as listed by {@code getScheduledTasks}, Backstage's {@code TaskSettingsV2}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("version", 2);
    map.put("cadence", cadence.text());
    map.put("timeoutAfterDuration", timeout.toString());
    if (initialDelay != null) {
      map.put("initialDelayDuration", initialDelay.toString());
    }
    return map;
  }

  /** {@link #toMap()} as JSON, for the registration log line Backstage writes. */
  public String toJson() {
    return toMap().entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }
}
