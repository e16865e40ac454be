package dev.greenroom.backend.api.services;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Schedules a plugin's recurring tasks. Backstage's {@code SchedulerService} ({@code
 * core.scheduler}): {@link SchedulerServiceTaskScope#GLOBAL global} tasks run once per cadence
 * across all backend instances, coordinated through the plugin's database; {@link
 * SchedulerServiceTaskScope#LOCAL local} tasks run in-process. Runs of one task never overlap.
 * Tasks are aborted on root shutdown, or when the plugin stops.
 */
@ProviderType
public interface SchedulerService {
  /**
   * Runs a scheduled task now, out of its cadence.
   *
   * @throws dev.greenroom.backend.api.errors.InputError if {@code id} is blank
   * @throws dev.greenroom.backend.api.errors.NotFoundError if no task has this id
   * @throws dev.greenroom.backend.api.errors.ConflictError if the task is running
   */
  void triggerTask(String id);

  /**
   * Cancels the current run of a task: Backstage's {@code cancelTask}. A local task's run gets its
   * abort signal at once; a global task's claim is released in the database and the instance
   * running it aborts the run when it next checks (whichever instance that is). The task keeps its
   * schedule. The default (for implementations that predate it) refuses.
   *
   * @throws dev.greenroom.backend.api.errors.InputError if {@code id} is blank
   * @throws dev.greenroom.backend.api.errors.NotFoundError if no task has this id
   * @throws dev.greenroom.backend.api.errors.ConflictError if the task is not running ({@code Task
   *     <id> is not running})
   * @since 0.2
   */
  default void cancelTask(String id) {
    throw new dev.greenroom.backend.api.errors.NotImplementedError(
        "cancelTask is not implemented by " + getClass().getName());
  }

  /**
   * Schedules {@code task} for recurring runs on {@code schedule}. Returns once the task is
   * scheduled, not when it first runs.
   */
  void scheduleTask(
      SchedulerServiceTaskScheduleDefinition schedule,
      SchedulerServiceTaskInvocationDefinition task);

  /**
   * As {@link #scheduleTask(SchedulerServiceTaskScheduleDefinition,
   * SchedulerServiceTaskInvocationDefinition)}.
   */
  default void scheduleTask(
      String id, SchedulerServiceTaskScheduleDefinition schedule, SchedulerServiceTaskFunction fn) {
    scheduleTask(schedule, new SchedulerServiceTaskInvocationDefinition(id, fn));
  }

  /**
   * A dormant schedule, to be run later with a task: outer code decides when, inner code decides
   * what.
   */
  SchedulerServiceTaskRunner createScheduledTaskRunner(
      SchedulerServiceTaskScheduleDefinition schedule);

  /** The tasks scheduled through this scheduler instance, for example to trigger them. */
  List<SchedulerServiceTaskDescriptor> getScheduledTasks();
}
