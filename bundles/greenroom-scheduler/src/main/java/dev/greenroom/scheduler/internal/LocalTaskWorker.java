package dev.greenroom.scheduler.internal;

import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A local task: runs in-process on each instance on its own thread, never overlapping itself.
 * Backstage's {@code LocalTaskWorker}: wait the initial delay, run, sleep until the next time by
 * the cadence (a trigger cuts the sleep short), until the task's signal fires. It keeps Backstage's
 * task and worker state for the scheduler routes.
 */
final class LocalTaskWorker implements TaskWorker {
  private final String taskId;
  private final TaskSettings settings;
  private final SchedulerServiceTaskFunction fn;
  private final RunSignal signal;
  private final LoggerService logger;
  private final Thread thread;
  private boolean running;
  private boolean triggered;
  private boolean initialWait;
  private Instant startsAt;
  private Instant startedAt;
  private RunSignal cancel;
  private TaskStates.LastRun last = TaskStates.LastRun.NONE;

  LocalTaskWorker(
      String pluginId, TaskSettings settings, SchedulerServiceTaskFunction fn, RunSignal signal, LoggerService logger) {
    this.taskId = settings.taskId();
    this.settings = settings;
    this.fn = fn;
    this.signal = signal;
    this.logger = logger;
    String name = "greenroom-task-" + pluginId + "-" + taskId;
    this.thread = new Thread(() -> loop(name), name + "-worker");
    this.thread.setDaemon(true);
    signal.onAbort(this::wake);
  }

  void start() {
    thread.start();
  }

  private void loop(String runThreadName) {
    Cadence cadence = settings.cadence();
    Instant next = cadence.firstRun(Instant.now(), settings.initialDelay());
    synchronized (this) {
      initialWait = settings.initialDelay() != null;
    }
    while (!signal.isAborted()) {
      boolean byTrigger = waitUntil(next);
      if (signal.isAborted()) {
        break;
      }
      Instant due = byTrigger ? Instant.now() : next;
      RunSignal runCancel;
      synchronized (this) {
        runCancel = new RunSignal();
        cancel = runCancel;
        startedAt = Instant.now();
      }
      String error = null;
      try {
        TaskRun.run(runThreadName, taskId, fn, settings.timeout(), signal, runCancel);
      } catch (TaskRun.Cancelled e) {
        logger.info("Task " + taskId + " was cancelled");
        error = TaskStates.serializeError(e);
      } catch (Exception e) {
        logger.error("Task " + taskId + " failed", e);
        error = TaskStates.serializeError(e);
      } finally {
        synchronized (this) {
          running = false;
          cancel = null;
          startedAt = null;
          last = new TaskStates.LastRun(Instant.now(), error);
        }
      }
      next = cadence.nextAfter(due, Instant.now());
    }
    logger.info("Task worker finished: " + taskId);
  }

  /** Sleeps until {@code when}, a trigger or the signal; true if a trigger woke it. */
  private synchronized boolean waitUntil(Instant when) {
    startsAt = when;
    while (!triggered && !signal.isAborted()) {
      long millis = Duration.between(Instant.now(), when).toMillis();
      if (millis <= 0) {
        break;
      }
      try {
        wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        signal.abort();
      }
    }
    boolean byTrigger = triggered;
    triggered = false;
    initialWait = false;
    running = !signal.isAborted();
    return byTrigger;
  }

  private synchronized void wake() {
    notifyAll();
  }

  @Override
  public synchronized void trigger() {
    if (running) {
      throw new ConflictError("Task " + taskId + " is currently running");
    }
    triggered = true;
    notifyAll();
  }

  @Override
  public void cancel() {
    RunSignal toCancel;
    synchronized (this) {
      toCancel = cancel;
    }
    if (toCancel == null) {
      throw new ConflictError("Task " + taskId + " is not running");
    }
    toCancel.abort();
  }

  @Override
  public void stop() {
    signal.abort();
  }

  @Override
  public synchronized Map<String, Object> taskState(Map<String, TaskRows.Row> rows) {
    if (startedAt != null) {
      return TaskStates.running(startedAt, startedAt.plus(settings.timeout()), last);
    }
    return TaskStates.idle(startsAt, last);
  }

  @Override
  public synchronized Map<String, Object> workerState() {
    if (startedAt != null) {
      return TaskStates.worker("running");
    }
    return TaskStates.worker(initialWait ? "initial-wait" : "idle");
  }
}
