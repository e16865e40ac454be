package dev.greenroom.scheduler.internal;

/** A started task: global (engine-backed) or local (in-process). */
interface TaskWorker {
  /** Runs the task now, out of its cadence. */
  void trigger();

  /** Stops further runs and fires the signal of a running one; idempotent. */
  void stop();
}
