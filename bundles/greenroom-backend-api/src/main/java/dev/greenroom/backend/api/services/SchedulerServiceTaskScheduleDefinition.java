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
}
