package dev.greenroom.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.services.AbortSignal;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskDescriptor;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskInvocationDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskRunner;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import dev.greenroom.backend.test.base.RecordingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Every run of a scheduled task is counted and timed by plugin, task and result (docs/metrics.md). */
class TaskRunMetricsTest {
  private static final SchedulerServiceTaskScheduleDefinition SCHEDULE =
      new SchedulerServiceTaskScheduleDefinition(SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(1));
  private static final AbortSignal NEVER = new AbortSignal() {
    @Override
    public boolean isAborted() {
      return false;
    }

    @Override
    public void onAbort(Runnable listener) {}
  };

  /** A scheduler that only keeps what it was given: the test runs the bodies itself. */
  private static final class Kept implements SchedulerService {
    final List<SchedulerServiceTaskInvocationDefinition> tasks = new ArrayList<>();

    @Override
    public void triggerTask(String id) {}

    @Override
    public void scheduleTask(SchedulerServiceTaskScheduleDefinition schedule, SchedulerServiceTaskInvocationDefinition task) {
      tasks.add(task);
    }

    @Override
    public SchedulerServiceTaskRunner createScheduledTaskRunner(SchedulerServiceTaskScheduleDefinition schedule) {
      return task -> scheduleTask(schedule, task);
    }

    @Override
    public List<SchedulerServiceTaskDescriptor> getScheduledTasks() {
      return List.of();
    }
  }

  @Test
  void runsAreCountedAndTimedByPluginTaskAndResult() throws Exception {
    RecordingMetrics metrics = new RecordingMetrics();
    Kept kept = new Kept();
    SchedulerService scheduler = new TaskRunMetrics(() -> metrics).measure("todo", kept);
    AbortSignal[] seen = new AbortSignal[1];
    scheduler.scheduleTask(SCHEDULE, new SchedulerServiceTaskInvocationDefinition("sync", signal -> seen[0] = signal));
    scheduler.createScheduledTaskRunner(SCHEDULE).run(new SchedulerServiceTaskInvocationDefinition("purge", signal -> {
      throw new IllegalStateException("no");
    }));

    kept.tasks.get(0).fn().run(NEVER);
    kept.tasks.get(0).fn().run(NEVER);
    assertThrows(IllegalStateException.class, () -> kept.tasks.get(1).fn().run(NEVER), "the body's failure reaches the scheduler");

    assertSame(NEVER, seen[0], "the body gets the run's signal");
    assertEquals("sync", kept.tasks.get(0).id());
    assertEquals(2.0, metrics.sum(TaskRunMetrics.RUNS, Map.of("plugin", "todo", "task", "sync", "result", "succeeded")));
    assertEquals(1.0, metrics.sum(TaskRunMetrics.RUNS, Map.of("plugin", "todo", "task", "purge", "result", "failed")));
    assertEquals(2.0, metrics.sum(TaskRunMetrics.DURATION, Map.of("plugin", "todo", "task", "sync", "result", "succeeded")));
  }

  @Test
  void aRunIsMeasuredOnTheMetricsServiceThereWhenItStarts() throws Exception {
    AtomicReference<RecordingMetrics> source = new AtomicReference<>();
    Kept kept = new Kept();
    new TaskRunMetrics(source::get).measure("todo", kept)
        .scheduleTask(SCHEDULE, new SchedulerServiceTaskInvocationDefinition("sync", signal -> {}));
    kept.tasks.get(0).fn().run(NEVER); // no metrics bundle: nothing measured, nothing fails

    RecordingMetrics metrics = new RecordingMetrics();
    source.set(metrics);
    kept.tasks.get(0).fn().run(NEVER);
    assertEquals(1.0, metrics.sum(TaskRunMetrics.RUNS, Map.of("plugin", "todo", "task", "sync", "result", "succeeded")));
  }
}
