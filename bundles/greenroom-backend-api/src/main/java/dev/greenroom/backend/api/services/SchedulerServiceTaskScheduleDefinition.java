package dev.greenroom.backend.api.services;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how a task runs. Backstage's {@code SchedulerServiceTaskScheduleDefinition}, with {@link
 * Duration} for its durations.
 *
 * @param frequency the cadence: an interval, a cron expression or manual only; best effort, a run
 *     that outlasts it delays the next one
 * @param timeout how long one run may take before it is aborted and the task released, possibly to
 *     another instance
 * @param initialDelay how long this instance waits before its first run; null for as soon as the
 *     cadence allows
 * @param scope the concurrency scope; null means {@link SchedulerServiceTaskScope#GLOBAL}
 */
public record SchedulerServiceTaskScheduleDefinition(
    SchedulerServiceTaskFrequency frequency,
    Duration timeout,
    Duration initialDelay,
    SchedulerServiceTaskScope scope) {
  public SchedulerServiceTaskScheduleDefinition {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(timeout, "timeout");
    scope = scope == null ? SchedulerServiceTaskScope.GLOBAL : scope;
  }

  /** A global schedule without initial delay. */
  public SchedulerServiceTaskScheduleDefinition(
      SchedulerServiceTaskFrequency frequency, Duration timeout) {
    this(frequency, timeout, null, null);
  }

  public SchedulerServiceTaskScheduleDefinition withInitialDelay(Duration initialDelay) {
    return new SchedulerServiceTaskScheduleDefinition(frequency, timeout, initialDelay, scope);
  }

  public SchedulerServiceTaskScheduleDefinition withScope(SchedulerServiceTaskScope scope) {
    return new SchedulerServiceTaskScheduleDefinition(frequency, timeout, initialDelay, scope);
  }

  /**
   * Reads a schedule from config: Backstage's {@code
   * readSchedulerServiceTaskScheduleDefinitionFromConfig}. {@code config} is the schedule's own
   * subtree (not the root config), with keys {@code frequency} (required: {@code {cron: '* * * *
   * *'}}, {@code {trigger: manual}}, an ISO 8601 duration such as {@code PT30M}, or an object of
   * units such as {@code {minutes: 30}}), {@code timeout} (required, a duration), {@code
   * initialDelay} (optional, a duration) and {@code scope} ({@code global} or {@code local},
   * optional). Months count 30 days and years 365.
   *
   * @throws dev.greenroom.backend.api.errors.InputError naming the key when a value is missing or
   *     invalid
   * @since 0.2
   */
  public static SchedulerServiceTaskScheduleDefinition readSchedulerServiceTaskScheduleDefinitionFromConfig(
      Config config) {
    return ScheduleConfigReader.read(config);
  }
}
