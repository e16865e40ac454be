package dev.greenroom.backend.api.services;

/**
 * The body of a scheduled task. Backstage's {@code SchedulerServiceTaskFunction}, synchronous: it
 * runs on a scheduler thread and the run ends when it returns. A thrown exception is logged and the
 * task runs again at its next time.
 */
@FunctionalInterface
public interface SchedulerServiceTaskFunction {
  /**
   * Runs once.
   *
   * @param signal fires when this run times out or the scheduler shuts down; the task should then
   *     return as soon as it can
   */
  void run(AbortSignal signal) throws Exception;
}
