package dev.greenroom.scheduler.internal;

import dev.greenroom.backend.api.metrics.Counter;
import dev.greenroom.backend.api.metrics.Histogram;
import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskDescriptor;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFunction;
import dev.greenroom.backend.api.services.SchedulerServiceTaskInvocationDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskRunner;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every run of every scheduled task, measured with no work from the plugin's author: how many runs
 * ended and how long each took, by plugin, task and result ({@code succeeded} or {@code failed}, a
 * timed-out run included). It wraps a plugin's {@link SchedulerService}: each task body is wrapped
 * as it is scheduled. The metrics service comes from {@code source} at each run (null while the
 * metrics bundle is absent: nothing is measured); docs/metrics.md lists the names.
 */
public final class TaskRunMetrics {
  static final String RUNS = "greenroom.scheduler.task.runs";
  static final String DURATION = "greenroom.scheduler.task.duration";

  private final Supplier<? extends MetricsService> source;
  private volatile Instruments current = new Instruments(null, null, null);

  private record Instruments(MetricsService of, Counter runs, Histogram duration) {}

  public TaskRunMetrics(Supplier<? extends MetricsService> source) {
    this.source = source;
  }

  /** {@code scheduler} with each task's runs measured under {@code pluginId}. */
  public SchedulerService measure(String pluginId, SchedulerService scheduler) {
    return new SchedulerService() {
      @Override
      public void triggerTask(String id) {
        scheduler.triggerTask(id);
      }

      @Override
      public void cancelTask(String id) {
        scheduler.cancelTask(id);
      }

      @Override
      public void scheduleTask(
          SchedulerServiceTaskScheduleDefinition schedule, SchedulerServiceTaskInvocationDefinition task) {
        scheduler.scheduleTask(schedule,
            new SchedulerServiceTaskInvocationDefinition(task.id(), measured(pluginId, task.id(), task.fn()), task.signal()));
      }

      @Override
      public SchedulerServiceTaskRunner createScheduledTaskRunner(SchedulerServiceTaskScheduleDefinition schedule) {
        return task -> scheduleTask(schedule, task);
      }

      @Override
      public List<SchedulerServiceTaskDescriptor> getScheduledTasks() {
        return scheduler.getScheduledTasks();
      }
    };
  }

  private SchedulerServiceTaskFunction measured(String pluginId, String taskId, SchedulerServiceTaskFunction fn) {
    return signal -> {
      Instruments m = instruments();
      long start = System.nanoTime();
      String result = "failed";
      try {
        fn.run(signal);
        result = "succeeded";
      } finally {
        if (m.of() != null) {
          Map<String, String> labels = Map.of("plugin", pluginId, "task", String.valueOf(taskId), "result", result);
          m.runs().add(1, labels);
          m.duration().record((System.nanoTime() - start) / 1e9, labels);
        }
      }
    };
  }

  private Instruments instruments() {
    MetricsService now = source.get();
    Instruments m = current;
    if (m.of() == now) {
      return m;
    }
    m = now == null
        ? new Instruments(null, null, null)
        : new Instruments(
            now,
            now.createCounter(RUNS, MetricOptions.of("Runs of each scheduled task that ended, by result", null)),
            now.createHistogram(DURATION, MetricOptions.of("How long each run of a scheduled task took", "s")));
    current = m;
    return m;
  }
}
