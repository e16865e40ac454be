package dev.greenroom.scheduler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScope;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.scheduler.Await;
import dev.greenroom.scheduler.SchedulerOptions;
import dev.greenroom.scheduler.TestDatabases;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Local tasks never touch the database: the scheduler here has one that fails if opened. */
class LocalTasksTest {
  private final CapturingLogger logs = new CapturingLogger();
  private final PluginTaskScheduler scheduler =
      new PluginTaskScheduler("example", TestDatabases.untouchable(), logs.logger(), SchedulerOptions.defaults());

  @AfterEach
  void stop() {
    scheduler.stop();
  }

  private static SchedulerServiceTaskScheduleDefinition local(SchedulerServiceTaskFrequency f, Duration timeout) {
    return new SchedulerServiceTaskScheduleDefinition(f, timeout).withScope(SchedulerServiceTaskScope.LOCAL);
  }

  @Test
  void aLocalTaskRunsRepeatedlyWithoutOverlapping() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    scheduler.scheduleTask("tick", local(SchedulerServiceTaskFrequency.every(Duration.ofMillis(20)), Duration.ofSeconds(5)), signal -> {
      maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      Thread.sleep(30);
      concurrent.decrementAndGet();
      runs.incrementAndGet();
    });
    Await.until("three runs", () -> runs.get() >= 3);
    assertEquals(1, maxConcurrent.get());
    assertTrue(logs.messages().contains("Registered scheduled task: tick, {\"version\":2,\"cadence\":\"PT0.02S\",\"timeoutAfterDuration\":\"PT5S\"}"),
        logs.messages().toString());
  }

  @Test
  void aManualTaskRunsOnlyWhenTriggeredAndATriggerDuringARunConflicts() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    scheduler.scheduleTask("manual", local(SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(1)), signal -> {
      runs.incrementAndGet();
      started.countDown();
      release.await();
    });
    // a task of the same plugin that does run proves time has passed for the manual one
    CountDownLatch other = new CountDownLatch(3);
    scheduler.scheduleTask("other", local(SchedulerServiceTaskFrequency.every(Duration.ofMillis(10)), Duration.ofSeconds(5)), s -> other.countDown());
    assertTrue(other.await(30, TimeUnit.SECONDS));
    assertEquals(0, runs.get());

    scheduler.triggerTask("manual");
    assertTrue(started.await(30, TimeUnit.SECONDS));
    assertEquals("Task manual is currently running",
        assertThrows(ConflictError.class, () -> scheduler.triggerTask("manual")).getMessage());
    release.countDown();
    Await.until("manual run ends", () -> {
      try {
        scheduler.triggerTask("manual");
        return true;
      } catch (ConflictError stillRunning) {
        return false;
      }
    });
    Await.until("second run", () -> runs.get() == 2);
  }

  @Test
  void aRunThatOutlivesItsTimeoutIsAbortedAndTheNextOneStarts() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger abortedRuns = new AtomicInteger();
    scheduler.scheduleTask("slow", local(SchedulerServiceTaskFrequency.every(Duration.ofMillis(10)), Duration.ofMillis(100)), signal -> {
      runs.incrementAndGet();
      CountDownLatch aborted = new CountDownLatch(1);
      signal.onAbort(aborted::countDown);
      // waits for its signal, as a well-behaved task does (the run thread is interrupted too)
      try {
        aborted.await();
      } catch (InterruptedException interrupted) {
        aborted.await();
      }
      abortedRuns.incrementAndGet();
    });
    Await.until("two timed-out runs", () -> abortedRuns.get() >= 2);
    assertTrue(logs.messages().contains("Task slow failed"), logs.messages().toString());
  }

  @Test
  void stoppingTheSchedulerFiresTheSignalAndEndsTheTasks() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch aborted = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    scheduler.scheduleTask("long", local(SchedulerServiceTaskFrequency.every(Duration.ofMillis(10)), Duration.ofMinutes(5)), signal -> {
      runs.incrementAndGet();
      signal.onAbort(aborted::countDown);
      started.countDown();
      aborted.await();
    });
    assertTrue(started.await(30, TimeUnit.SECONDS));
    scheduler.stop();
    assertTrue(aborted.await(30, TimeUnit.SECONDS));
    Await.until("worker finished", () -> logs.messages().contains("Task worker finished: long"));
    assertEquals(1, runs.get());
    assertEquals("Cannot schedule task again: the scheduler of plugin example has stopped",
        assertThrows(IllegalStateException.class, () -> scheduler.scheduleTask("again",
            local(SchedulerServiceTaskFrequency.manual(), Duration.ofSeconds(1)), s -> {})).getMessage());
  }

  @Test
  void theCallersSignalEndsRecurringRuns() {
    RunSignal mine = new RunSignal();
    AtomicInteger runs = new AtomicInteger();
    scheduler.scheduleTask(
        local(SchedulerServiceTaskFrequency.every(Duration.ofMillis(10)), Duration.ofSeconds(5)),
        new dev.greenroom.backend.api.services.SchedulerServiceTaskInvocationDefinition("mine", s -> runs.incrementAndGet(), mine));
    Await.until("a run", () -> runs.get() >= 1);
    mine.abort();
    Await.until("worker finished", () -> logs.messages().contains("Task worker finished: mine"));
    int after = runs.get();
    // a run of another task proves the stopped one had time to run again, and did not
    CountDownLatch other = new CountDownLatch(3);
    scheduler.scheduleTask("other", local(SchedulerServiceTaskFrequency.every(Duration.ofMillis(10)), Duration.ofSeconds(5)), s -> other.countDown());
    Await.until("other runs", () -> other.getCount() == 0);
    assertEquals(after, runs.get());
  }

  @Test
  void inputErrorsAndDuplicatesAndListing() {
    assertEquals(" is not a valid ID, expected non-empty string",
        assertThrows(InputError.class, () -> scheduler.scheduleTask("", local(SchedulerServiceTaskFrequency.manual(), Duration.ofSeconds(1)), s -> {})).getMessage());
    assertEquals(" is not a valid ID, expected non-empty string",
        assertThrows(InputError.class, () -> scheduler.triggerTask("")).getMessage());
    scheduler.createScheduledTaskRunner(local(SchedulerServiceTaskFrequency.cron("0 3 * * *"), Duration.ofMinutes(10)))
        .run(new dev.greenroom.backend.api.services.SchedulerServiceTaskInvocationDefinition("nightly", s -> {}));
    assertEquals("Task nightly is already scheduled by plugin example",
        assertThrows(ConflictError.class, () -> scheduler.scheduleTask("nightly", local(SchedulerServiceTaskFrequency.manual(), Duration.ofSeconds(1)), s -> {})).getMessage());
    var tasks = scheduler.getScheduledTasks();
    assertEquals(1, tasks.size());
    assertEquals("nightly", tasks.get(0).id());
    assertEquals(SchedulerServiceTaskScope.LOCAL, tasks.get(0).scope());
    assertEquals("0 3 * * *", tasks.get(0).settings().get("cadence"));
    assertFalse(tasks.get(0).settings().containsKey("initialDelayDuration"));
  }
}
