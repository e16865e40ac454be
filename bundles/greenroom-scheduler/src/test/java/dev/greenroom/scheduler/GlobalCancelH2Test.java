package dev.greenroom.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.scheduler.internal.PluginTaskScheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** cancelTask and the listed state of a global task, on db-scheduler over H2. */
class GlobalCancelH2Test {
  private final DataSource db = TestDatabases.h2();
  private final CapturingLogger logs = new CapturingLogger();
  private final PluginTaskScheduler scheduler = new PluginTaskScheduler("example", TestDatabases.service(db), logs.logger(),
      SchedulerOptions.defaults().withMaxPollingInterval(Duration.ofMillis(100)).withShutdownGrace(Duration.ofMillis(500))
          .withInstanceName("cancel-instance"));

  @AfterEach
  void stop() {
    scheduler.stop();
  }

  @Test
  void cancellingARunningGlobalTaskReleasesItAtOnceEvenIfTheRunIgnoresItsSignal() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    scheduler.scheduleTask("stubborn", new SchedulerServiceTaskScheduleDefinition(
        SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(10)), signal -> {
          runs.incrementAndGet();
          started.countDown();
          while (never.getCount() > 0) {
            try {
              never.await();
            } catch (InterruptedException ignored) {
              // a run that ignores its signal and interrupts
            }
          }
        });
    assertEquals("Task stubborn is not running", assertThrows(ConflictError.class, () -> scheduler.cancelTask("stubborn")).getMessage());

    scheduler.triggerTask("stubborn");
    assertTrue(started.await(30, TimeUnit.SECONDS));
    Await.until("listed as running", () -> state("stubborn").get("status").equals("running"));

    scheduler.cancelTask("stubborn");
    Await.until("released: the task can be triggered again", () -> {
      try {
        scheduler.triggerTask("stubborn");
        return true;
      } catch (ConflictError stillRunning) {
        return false;
      }
    });
    Await.until("a second run", () -> runs.get() == 2);
    assertTrue(logs.messages().contains("Task stubborn was cancelled"), logs.messages().toString());
    never.countDown();
  }

  @Test
  void cancellingAnUnknownTaskIsNotFound() {
    assertEquals("Task nope does not exist",
        assertThrows(NotFoundError.class, () -> scheduler.cancelTask("nope")).getMessage());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> state(String id) {
    return scheduler.taskStates().stream().filter(t -> t.get("taskId").equals(id)).findFirst()
        .map(t -> (Map<String, Object>) t.get("taskState")).orElseThrow();
  }
}
