package dev.greenroom.scheduler.internal;

import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskDescriptor;
import dev.greenroom.backend.api.services.SchedulerServiceTaskInvocationDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskRunner;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScope;
import dev.greenroom.scheduler.SchedulerOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/**
 * One plugin's {@code core.scheduler}: Backstage's {@code PluginTaskSchedulerImpl}. Global tasks
 * run on db-scheduler over the plugin's database, which is opened (and the engine's table
 * migrated) only when the first global task is scheduled; local tasks run in-process.
 */
public final class PluginTaskScheduler implements SchedulerService {
  private final String pluginId;
  private final DatabaseService database;
  private final LoggerService logger;
  private final SchedulerOptions options;
  private final RunSignal shutdown = new RunSignal();
  private final Map<String, TaskWorker> workers = new LinkedHashMap<>();
  private final List<SchedulerServiceTaskDescriptor> tasks = new ArrayList<>();
  private ScheduledExecutorService timer;
  private DataSource dataSource;

  public PluginTaskScheduler(
      String pluginId, DatabaseService database, LoggerService logger, SchedulerOptions options) {
    this.pluginId = pluginId;
    this.database = database;
    this.logger = logger;
    this.options = options;
  }

  @Override
  public void scheduleTask(
      SchedulerServiceTaskScheduleDefinition schedule, SchedulerServiceTaskInvocationDefinition task) {
    TaskSettings settings = TaskSettings.of(pluginId, task.id(), schedule);
    String id = settings.taskId();
    LoggerService taskLogger = logger.child(Map.of("task", id));
    synchronized (this) {
      if (shutdown.isAborted()) {
        throw new IllegalStateException(
            "Cannot schedule task " + id + ": the scheduler of plugin " + pluginId + " has stopped");
      }
      if (workers.containsKey(id)) {
        throw new ConflictError("Task " + id + " is already scheduled by plugin " + pluginId);
      }
      RunSignal signal = RunSignal.childOf(shutdown);
      if (task.signal() != null) {
        task.signal().onAbort(signal::abort);
      }
      if (schedule.scope() == SchedulerServiceTaskScope.GLOBAL) {
        GlobalTaskWorker worker =
            new GlobalTaskWorker(pluginId, settings, task.fn(), signal, dataSource(), options, timer(), taskLogger);
        worker.start();
        workers.put(id, worker);
      } else {
        LocalTaskWorker worker = new LocalTaskWorker(pluginId, settings, task.fn(), signal, taskLogger);
        worker.start();
        workers.put(id, worker);
      }
      tasks.add(new SchedulerServiceTaskDescriptor(id, schedule.scope(), settings.toMap()));
    }
    taskLogger.info("Registered scheduled task: " + id + ", " + settings.toJson());
  }

  @Override
  public void triggerTask(String id) {
    TaskSettings.validateId(id);
    TaskWorker worker;
    synchronized (this) {
      worker = workers.get(id);
    }
    if (worker != null) {
      worker.trigger();
      return;
    }
    // a global task another instance scheduled still lives in this plugin's database
    DataSource ds;
    synchronized (this) {
      ds = dataSource();
    }
    TaskRows.trigger(ds, id);
  }

  @Override
  public void cancelTask(String id) {
    TaskSettings.validateId(id);
    TaskWorker worker;
    synchronized (this) {
      worker = workers.get(id);
    }
    if (worker instanceof LocalTaskWorker || worker instanceof GlobalTaskWorker g && g.runningHere()) {
      worker.cancel();
      return;
    }
    DataSource ds;
    synchronized (this) {
      ds = dataSource();
    }
    TaskRows.cancelElsewhere(ds, id);
  }

  /**
   * The plugin's scheduled tasks in the shape of Backstage's {@code GET
   * /.backstage/scheduler/v1/tasks} ({@code TaskApiTasksResponse}): {@code taskId}, {@code
   * pluginId}, {@code scope}, {@code settings}, {@code taskState}, {@code workerState}.
   */
  public List<Map<String, Object>> taskStates() {
    List<SchedulerServiceTaskDescriptor> scheduled;
    Map<String, TaskWorker> byId;
    DataSource ds;
    synchronized (this) {
      scheduled = List.copyOf(tasks);
      byId = new LinkedHashMap<>(workers);
      boolean anyGlobal = scheduled.stream().anyMatch(t -> t.scope() == SchedulerServiceTaskScope.GLOBAL);
      ds = anyGlobal ? dataSource() : null;
    }
    Map<String, TaskRows.Row> rows = ds == null ? Map.of() : TaskRows.rows(ds);
    List<Map<String, Object>> out = new ArrayList<>();
    for (SchedulerServiceTaskDescriptor task : scheduled) {
      TaskWorker worker = byId.get(task.id());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("taskId", task.id());
      entry.put("pluginId", pluginId);
      entry.put("scope", task.scope().value());
      entry.put("settings", task.settings());
      entry.put("taskState", worker == null ? null : worker.taskState(rows));
      entry.put("workerState", worker == null ? null : worker.workerState());
      out.add(entry);
    }
    return out;
  }

  @Override
  public SchedulerServiceTaskRunner createScheduledTaskRunner(SchedulerServiceTaskScheduleDefinition schedule) {
    return task -> scheduleTask(schedule, task);
  }

  @Override
  public synchronized List<SchedulerServiceTaskDescriptor> getScheduledTasks() {
    return List.copyOf(tasks);
  }

  /**
   * Stops every task of this plugin: signals fire, no further runs start, global claims are
   * released by runs that return within the grace. Idempotent.
   */
  public void stop() {
    List<TaskWorker> toStop;
    synchronized (this) {
      shutdown.abort();
      toStop = new ArrayList<>(workers.values());
      workers.clear();
      if (timer != null) {
        timer.shutdownNow();
      }
    }
    // engines wait for their runs: stop them side by side, not one after the other
    CompletableFuture.allOf(
            toStop.stream().map(w -> CompletableFuture.runAsync(w::stop)).toArray(CompletableFuture[]::new))
        .join();
  }

  private DataSource dataSource() {
    if (dataSource == null) {
      DataSource ds = database.getClient();
      if (!database.migrations().skip()) {
        try {
          TaskTable.migrate(ds);
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(
              "Failed to create the scheduler table " + TaskTable.NAME + " in the database of plugin " + pluginId
                  + ": " + e.getMessage(),
              e);
        }
      }
      dataSource = ds;
    }
    return dataSource;
  }

  private ScheduledExecutorService timer() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "greenroom-scheduler-" + pluginId + "-delays");
                t.setDaemon(true);
                return t;
              });
    }
    return timer;
  }
}
