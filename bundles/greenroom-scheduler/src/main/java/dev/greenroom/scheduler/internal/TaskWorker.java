package dev.greenroom.scheduler.internal;

import java.util.Map;

/** A started task: global (engine-backed) or local (in-process). */
interface TaskWorker {
  /** Runs the task now, out of its cadence. */
  void trigger();

  /**
   * Cancels the current run: its signal fires and the scheduler stops waiting for it.
   *
   * @throws dev.greenroom.backend.api.errors.ConflictError {@code Task <id> is not running}
   */
  void cancel();

  /** Stops further runs and fires the signal of a running one; idempotent. */
  void stop();

  /**
   * Backstage's {@code taskState}: running or idle, with the last run's end and error; null when
   * unknown (a global task whose row is gone).
   *
   * @param rows the plugin's task rows (global tasks read their state there)
   */
  Map<String, Object> taskState(Map<String, TaskRows.Row> rows);

  /** Backstage's {@code workerState}: {@code initial-wait}, {@code idle} or {@code running}. */
  Map<String, Object> workerState();
}
