package dev.greenroom.backend.test;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.AbortSignal;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskDescriptor;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskInvocationDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskRunner;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code core.scheduler} that runs nothing on a clock: tasks run in the calling thread when the
 * test calls {@link #triggerTask}, and (unless turned off) once at the plugin's startup, as
 * Backstage's MockSchedulerService (packages/backend-test-utils/src/services/MockSchedulerService.ts).
 * So when {@code TestBackend.start()} returns, every scheduled task has run once. On the plugin's
 * shutdown every task's signal is aborted.
 *
 * <p>Unlike Backstage's, {@link #triggerTask} rethrows a task's failure, so it fails the test; a
 * failure of the startup run is logged at error level to the plugin's logger instead (the plugin
 * still starts, as it would with the real scheduler).
 */
public final class MockScheduler implements SchedulerService {
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final List<String> runs = new CopyOnWriteArrayList<>();

  private record Task(
      SchedulerServiceTaskScheduleDefinition schedule,
      SchedulerServiceTaskInvocationDefinition invocation,
      Signal signal) {}

  /** What runs at the plugin's startup: Backstage's {@code mockServices.scheduler.factory} options. */
  public record StartupRuns(
      boolean skipTaskRunOnStartup,
      boolean includeManualTasksOnStartup,
      boolean includeInitialDelayedTasksOnStartup) {
    /** Backstage's default: every task that is neither manual nor delayed runs once at startup. */
    public static final StartupRuns DEFAULT = new StartupRuns(false, false, false);
    /** Nothing runs until the test triggers it. */
    public static final StartupRuns NONE = new StartupRuns(true, false, false);
  }

  /**
   * A plugin-scoped factory: each plugin gets its own {@code MockScheduler}; reach it with {@code
   * (MockScheduler) backend.service(CoreServices.SCHEDULER, "<pluginId>")}.
   */
  public static ServiceFactory<SchedulerService> factory(StartupRuns startup) {
    return ServiceFactory.of(CoreServices.SCHEDULER)
        .deps(CoreServices.LIFECYCLE, CoreServices.LOGGER)
        .factory(deps -> {
          MockScheduler scheduler = new MockScheduler();
          LoggerService logger = deps.get(CoreServices.LOGGER);
          if (!startup.skipTaskRunOnStartup()) {
            deps.get(CoreServices.LIFECYCLE).addStartupHook(() -> scheduler.runAtStartup(startup, logger));
          }
          deps.get(CoreServices.LIFECYCLE).addShutdownHook(scheduler::abortAll);
          return scheduler;
        });
  }

  @Override
  public synchronized void scheduleTask(
      SchedulerServiceTaskScheduleDefinition schedule, SchedulerServiceTaskInvocationDefinition task) {
    if (task.id() == null || task.id().isBlank()) {
      throw new IllegalArgumentException("A scheduled task needs an id");
    }
    if (tasks.containsKey(task.id())) {
      throw new ConflictError("Task " + task.id() + " is already scheduled");
    }
    Signal signal = new Signal();
    if (task.signal() != null) {
      task.signal().onAbort(signal::abort);
    }
    tasks.put(task.id(), new Task(schedule, task, signal));
  }

  @Override
  public SchedulerServiceTaskRunner createScheduledTaskRunner(SchedulerServiceTaskScheduleDefinition schedule) {
    return task -> scheduleTask(schedule, task);
  }

  @Override
  public synchronized List<SchedulerServiceTaskDescriptor> getScheduledTasks() {
    List<SchedulerServiceTaskDescriptor> out = new ArrayList<>();
    tasks.values().forEach(t ->
        out.add(new SchedulerServiceTaskDescriptor(t.invocation().id(), t.schedule().scope(), Map.of("version", 1))));
    return out;
  }

  /**
   * Runs the task now, in this thread, and returns when it has finished.
   *
   * @throws NotFoundError {@code Task <id> not found}
   * @throws RuntimeException the task's own failure (checked ones wrapped)
   */
  @Override
  public void triggerTask(String id) {
    Task task;
    synchronized (this) {
      task = tasks.get(id);
    }
    if (task == null) {
      throw new NotFoundError("Task " + id + " not found");
    }
    runs.add(id);
    try {
      task.invocation().fn().run(task.signal());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Task " + id + " failed: " + e.getMessage(), e);
    }
  }

  /** The ids of the runs so far, in order (startup runs and triggers). */
  public List<String> runs() {
    return List.copyOf(runs);
  }

  /** Whether the task's abort signal has fired (the plugin has shut down). */
  public synchronized boolean isAborted(String id) {
    Task task = tasks.get(id);
    if (task == null) {
      throw new NotFoundError("Task " + id + " not found");
    }
    return task.signal().isAborted();
  }

  private void runAtStartup(StartupRuns startup, LoggerService logger) {
    List<Task> selected = new ArrayList<>();
    synchronized (this) {
      for (Task t : tasks.values()) {
        if (t.schedule().initialDelay() != null && !startup.includeInitialDelayedTasksOnStartup()) {
          continue;
        }
        if (t.schedule().frequency() instanceof SchedulerServiceTaskFrequency.Manual
            && !startup.includeManualTasksOnStartup()) {
          continue;
        }
        selected.add(t);
      }
    }
    for (Task t : selected) {
      try {
        triggerTask(t.invocation().id());
      } catch (RuntimeException e) {
        logger.error("Task " + t.invocation().id() + " failed at startup", e);
      }
    }
  }

  private synchronized void abortAll() {
    tasks.values().forEach(t -> t.signal().abort());
  }

  /** An abort signal that fires its listeners once. */
  private static final class Signal implements AbortSignal {
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean aborted;

    @Override
    public synchronized boolean isAborted() {
      return aborted;
    }

    @Override
    public void onAbort(Runnable listener) {
      synchronized (this) {
        if (!aborted) {
          listeners.add(listener);
          return;
        }
      }
      listener.run();
    }

    void abort() {
      List<Runnable> toRun;
      synchronized (this) {
        if (aborted) {
          return;
        }
        aborted = true;
        toRun = new ArrayList<>(listeners);
        listeners.clear();
      }
      toRun.forEach(Runnable::run);
    }
  }
}
