package dev.greenroom.scheduler;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the scheduler engine; the defaults suit production.
 *
 * @param maxPollingInterval how often a global task's worker looks for due runs at most (tasks
 *     with a shorter interval poll at their interval), Backstage's work-check frequency of 5 s
 * @param shutdownGrace how long stopping a plugin waits for a running global task to return
 *     after its signal fired (db-scheduler waits up to twice this); a run still going then keeps
 *     its claim and another instance takes over after the task's timeout
 * @param instanceName names this backend instance in the engine's table ({@code picked_by})
 */
public record SchedulerOptions(Duration maxPollingInterval, Duration shutdownGrace, String instanceName) {
  public SchedulerOptions {
    Objects.requireNonNull(maxPollingInterval, "maxPollingInterval");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(instanceName, "instanceName");
  }

  public static SchedulerOptions defaults() {
    return new SchedulerOptions(Duration.ofSeconds(5), Duration.ofSeconds(2), ManagementFactory.getRuntimeMXBean().getName());
  }

  public SchedulerOptions withMaxPollingInterval(Duration interval) {
    return new SchedulerOptions(interval, shutdownGrace, instanceName);
  }

  public SchedulerOptions withShutdownGrace(Duration grace) {
    return new SchedulerOptions(maxPollingInterval, grace, instanceName);
  }

  public SchedulerOptions withInstanceName(String name) {
    return new SchedulerOptions(maxPollingInterval, shutdownGrace, name);
  }
}
