package dev.greenroom.scheduler.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFunction;
import dev.greenroom.scheduler.SchedulerOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A global task on its own db-scheduler engine over the plugin's database: one row per task,
 * claimed with optimistic locking, so one instance runs each due time. One engine per task lets
 * the engine's liveness window follow the task's timeout: the engine heartbeats a running claim
 * every timeout/4 and others consider the claim dead after four missed beats, so when an instance
 * stops or dies mid-run another one takes over after about the timeout.
 */
final class GlobalTaskWorker implements TaskWorker {
  static final String INSTANCE = RecurringTask.INSTANCE;
  private static final int MISSED_HEARTBEATS = 4;
  private static final Duration MIN_HEARTBEAT = Duration.ofMillis(50);
  /** Due times after this are the engine's "never" (a manual task not triggered). */
  private static final Instant FAR_FUTURE = Instant.parse("9000-01-01T00:00:00Z");
  // other tasks' rows look "unresolved" to this engine; it must never delete them
  private static final Duration NEVER_DELETE_UNRESOLVED = Duration.ofDays(365L * 100);

  private final String taskId;
  private final TaskSettings settings;
  private final RunSignal signal;
  private final LoggerService logger;
  private final Scheduler engine;
  private final ScheduledExecutorService timer;
  private ScheduledFuture<?> pendingStart;
  private boolean started;
  private boolean stopped;
  private RunSignal cancel;
  private Instant startedAt;
  private TaskStates.LastRun last = TaskStates.LastRun.NONE;

  GlobalTaskWorker(
      String pluginId,
      TaskSettings settings,
      SchedulerServiceTaskFunction fn,
      RunSignal signal,
      DataSource dataSource,
      SchedulerOptions options,
      ScheduledExecutorService timer,
      LoggerService logger) {
    this.taskId = settings.taskId();
    this.settings = settings;
    this.signal = signal;
    this.logger = logger;
    this.timer = timer;
    var schedule = settings.cadence().engineSchedule();
    String threadName = "greenroom-task-" + pluginId + "-" + taskId;
    RecurringTask<Void> task =
        new RecurringTask<>(
            taskId,
            schedule,
            Void.class,
            null,
            retryTimedOutRunsAtOnce(new FailureHandler.OnFailureReschedule<>(schedule)),
            new DeadExecutionHandler.ReviveDeadExecution<>()) {
          @Override
          public void executeRecurringly(TaskInstance<Void> instance, ExecutionContext context) {
            RunSignal runCancel = runStarted();
            String error = null;
            try {
              TaskRun.run(threadName, taskId, fn, settings.timeout(), signal, runCancel);
            } catch (TaskRun.Cancelled e) {
              // a normal end for the engine: the claim is released and the cadence goes on
              logger.info("Task " + taskId + " was cancelled");
              error = TaskStates.serializeError(e);
            } catch (Exception e) {
              logger.error("Task " + taskId + " failed", e);
              error = TaskStates.serializeError(e);
              throw new TaskFailed(e);
            } finally {
              runEnded(error);
            }
          }
        };
    Duration heartbeat = settings.timeout().dividedBy(MISSED_HEARTBEATS);
    this.engine =
        Scheduler.create(dataSource, task)
            .jdbcCustomization(TaskJdbc.forDatabase(dataSource))
            .tableName(TaskTable.NAME)
            .schedulerName(new SchedulerName.Fixed(options.instanceName()))
            .threads(1)
            .pollingInterval(settings.cadence().pollingInterval(options.maxPollingInterval()))
            .heartbeatInterval(heartbeat.compareTo(MIN_HEARTBEAT) < 0 ? MIN_HEARTBEAT : heartbeat)
            .missedHeartbeatsLimit(MISSED_HEARTBEATS)
            .shutdownMaxWait(options.shutdownGrace())
            .deleteUnresolvedAfter(NEVER_DELETE_UNRESOLVED)
            .build();
  }

  /**
   * A run that outlived its timeout is due again at once, on whichever instance claims it first
   * (Backstage: the janitor frees the expired claim while the run's due time has passed); other
   * failures wait for the next time by the cadence.
   */
  private static FailureHandler<Void> retryTimedOutRunsAtOnce(FailureHandler<Void> otherwise) {
    return (complete, operations) -> {
      if (complete.getCause().map(Throwable::getCause).orElse(null) instanceof TaskRun.TimedOut) {
        operations.reschedule(complete, Instant.now());
      } else {
        otherwise.onFailure(complete, operations);
      }
    };
  }

  /** Marks the engine's run as failed so it reschedules by the cadence. */
  static final class TaskFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TaskFailed(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Stores the task's row (Backstage's {@code persistTask}): a new task is due at its first run; an
   * existing one keeps its due time unless the cadence now asks for an earlier one. The engine
   * starts polling after the initial delay.
   */
  void start() {
    Instant now = Instant.now();
    TaskInstance<Void> instance = new TaskInstance<>(taskId, INSTANCE);
    boolean created = engine.scheduleIfNotExists(instance, settings.cadence().firstRun(now, settings.initialDelay()));
    if (!created && !(settings.cadence() instanceof Cadence.Manual)) {
      Instant wanted = settings.cadence().nextAfter(now, now);
      Optional<ScheduledExecution<Object>> existing = engine.getScheduledExecution(instance);
      if (existing.isPresent() && !existing.get().isPicked() && existing.get().getExecutionTime().isAfter(wanted)) {
        try {
          engine.reschedule(instance, wanted);
        } catch (RuntimeException e) {
          // another instance claimed or moved it meanwhile: its due time stands
        }
      }
    }
    synchronized (this) {
      if (stopped) {
        return;
      }
      if (settings.initialDelay() == null) {
        startEngine();
      } else {
        pendingStart = timer.schedule(this::startEngine, settings.initialDelay().toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private synchronized void startEngine() {
    if (stopped || started) {
      return;
    }
    engine.start();
    started = true;
  }

  @Override
  public void trigger() {
    try {
      if (!engine.reschedule(TaskInstanceId.of(taskId, INSTANCE), Instant.now())) {
        throw new ConflictError("Task " + taskId + " is currently running");
      }
    } catch (TaskInstanceNotFoundException e) {
      throw new NotFoundError("Task " + taskId + " does not exist");
    } catch (TaskInstanceCurrentlyExecutingException e) {
      throw new ConflictError("Task " + taskId + " is currently running");
    }
    synchronized (this) {
      if (started && !stopped) {
        engine.triggerCheckForDueExecutions();
      }
    }
  }

  private synchronized RunSignal runStarted() {
    cancel = new RunSignal();
    startedAt = Instant.now();
    return cancel;
  }

  private synchronized void runEnded(String error) {
    cancel = null;
    startedAt = null;
    last = new TaskStates.LastRun(Instant.now(), error);
  }

  /**
   * Cancels this instance's run of the task; a run on another instance is cancelled there.
   *
   * @throws ConflictError when this instance is not running it
   */
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

  /** Whether this instance is running the task now. */
  synchronized boolean runningHere() {
    return cancel != null;
  }

  @Override
  public Map<String, Object> taskState(Map<String, TaskRows.Row> rows) {
    TaskRows.Row row = rows.get(taskId);
    Instant ourStart;
    TaskStates.LastRun ours;
    synchronized (this) {
      ourStart = startedAt;
      ours = last;
    }
    if (row == null) {
      return null;
    }
    TaskStates.LastRun lastRun = lastRun(row, ours);
    if (row.picked() || ourStart != null) {
      Instant start = ourStart != null ? ourStart : row.executionTime();
      return TaskStates.running(start, start == null ? null : start.plus(settings.timeout()), lastRun);
    }
    Instant startsAt = row.executionTime();
    return TaskStates.idle(startsAt != null && startsAt.isAfter(FAR_FUTURE) ? null : startsAt, lastRun);
  }

  /** The last run's end from the table; its error if this instance ran it, else a failure without detail. */
  private static TaskStates.LastRun lastRun(TaskRows.Row row, TaskStates.LastRun ours) {
    Instant ended = row.lastRunEndedAt();
    if (ended == null) {
      return ours;
    }
    if (ours.endedAt() != null && Duration.between(ours.endedAt(), ended).abs().toMillis() < 2_000) {
      return new TaskStates.LastRun(ended, ours.error());
    }
    return new TaskStates.LastRun(ended,
        row.lastRunFailed() ? "{\"name\":\"Error\",\"message\":\"The last run failed\"}" : null);
  }

  @Override
  public synchronized Map<String, Object> workerState() {
    if (cancel != null) {
      return TaskStates.worker("running");
    }
    return TaskStates.worker(!started && !stopped && pendingStart != null ? "initial-wait" : "idle");
  }

  @Override
  public void stop() {
    boolean wasStarted;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      wasStarted = started;
      if (pendingStart != null) {
        pendingStart.cancel(false);
      }
    }
    signal.abort();
    if (wasStarted) {
      engine.stop();
    }
    logger.info("Task worker finished: " + taskId);
  }
}
