package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A prepared schedule waiting for its task, from {@link
 * SchedulerService#createScheduledTaskRunner}. Backstage's {@code SchedulerServiceTaskRunner}.
 */
@ProviderType
public interface SchedulerServiceTaskRunner {
  /** Schedules {@code task} on this runner's schedule; returns once it is scheduled. */
  void run(SchedulerServiceTaskInvocationDefinition task);
}
