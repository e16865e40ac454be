package dev.greenroom.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFunction;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScope;
import dev.greenroom.backend.test.base.TestBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two runtime instances (two backends, each with its own scheduler engines and threads) running
 * the same plugin on one real PostgreSQL database.
 */
class TwoInstancesPostgresTest {
  private static final String PLUGIN = "reports";
  private TestDatabases.Postgres postgres;
  private final List<TestBackend> backends = new CopyOnWriteArrayList<>();

  @BeforeEach
  void database() {
    postgres = TestDatabases.postgres();
  }

  @AfterEach
  void cleanUp() throws Exception {
    backends.forEach(TestBackend::stop);
    postgres.close();
  }

  /** Starts one backend instance whose plugin schedules its tasks through {@code init}. */
  private TestBackend instance(String name, BiConsumer<String, SchedulerService> init) {
    SchedulerOptions options = SchedulerOptions.defaults()
        .withMaxPollingInterval(Duration.ofMillis(100))
        .withShutdownGrace(Duration.ofMillis(500))
        .withInstanceName(name);
    TestBackend backend = TestBackend.builder()
        .add(SchedulerServiceFactories.create(options))
        .add(ServiceFactory.of(CoreServices.DATABASE).factory(deps -> TestDatabases.service(postgres.dataSource())))
        .add(BackendPlugin.create(PLUGIN, env -> env.registerInit(Deps.of(CoreServices.SCHEDULER),
            deps -> init.accept(name, deps.get(CoreServices.SCHEDULER)))))
        .start();
    backends.add(backend);
    return backend;
  }

  @Test
  void aGlobalTaskRunsOncePerCadenceAcrossInstancesAndALocalTaskRunsOnEach() {
    Duration cadence = Duration.ofMillis(500);
    AtomicInteger globalRuns = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    AtomicBoolean overlapped = new AtomicBoolean();
    Map<String, AtomicInteger> localRuns = new ConcurrentHashMap<>();
    Instant scheduledFrom = Instant.now();
    BiConsumer<String, SchedulerService> init = (name, scheduler) -> {
      scheduler.scheduleTask("aggregate", new SchedulerServiceTaskScheduleDefinition(
          SchedulerServiceTaskFrequency.every(cadence), Duration.ofSeconds(20)), signal -> {
            if (running.incrementAndGet() > 1) {
              overlapped.set(true);
            }
            Thread.sleep(100);
            running.decrementAndGet();
            globalRuns.incrementAndGet();
          });
      scheduler.scheduleTask("warm-cache", new SchedulerServiceTaskScheduleDefinition(
              SchedulerServiceTaskFrequency.every(Duration.ofMillis(100)), Duration.ofSeconds(5))
          .withScope(SchedulerServiceTaskScope.LOCAL),
          signal -> localRuns.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet());
    };
    instance("a", init);
    instance("b", init);

    Await.until("six global runs", () -> globalRuns.get() >= 6);
    Await.until("local runs on both instances", () ->
        localRuns.getOrDefault("a", new AtomicInteger()).get() >= 2 && localRuns.getOrDefault("b", new AtomicInteger()).get() >= 2);
    backends.forEach(TestBackend::stop);
    Duration elapsed = Duration.between(scheduledFrom, Instant.now());

    assertFalse(overlapped.get(), "two instances ran the global task at the same time");
    // due times are at least one cadence apart and the first is not before scheduling, so
    // elapsed/cadence + 1 bounds the runs whatever the machine's speed; two instances running
    // every cadence would exceed it by about twice
    long bound = elapsed.toMillis() / cadence.toMillis() + 1;
    assertTrue(globalRuns.get() <= bound, globalRuns.get() + " runs in " + elapsed + " exceed " + bound);
  }

  @Test
  void stoppingAnInstanceMidRunLetsTheOtherTakeOverAfterTheTimeout() throws Exception {
    Duration timeout = Duration.ofSeconds(2);
    record Run(String instance, Instant startedAt) {}
    List<Run> runs = new CopyOnWriteArrayList<>();
    CountDownLatch firstRunStarted = new CountDownLatch(1);
    CountDownLatch testOver = new CountDownLatch(1);
    BiConsumer<String, SchedulerService> init = (name, scheduler) -> {
      SchedulerServiceTaskFunction fn = signal -> {
        runs.add(new Run(name, Instant.now()));
        if (runs.size() == 1) {
          firstRunStarted.countDown();
          // a run that ignores its signal and interrupts, as a hung or killed instance would
          while (testOver.getCount() > 0) {
            try {
              testOver.await();
            } catch (InterruptedException ignored) {
              // keeps going
            }
          }
        }
      };
      scheduler.scheduleTask("export", new SchedulerServiceTaskScheduleDefinition(
          SchedulerServiceTaskFrequency.every(Duration.ofHours(1)), timeout), fn);
    };
    TestBackend a = instance("a", init);
    TestBackend b = instance("b", init);
    try {
      assertTrue(firstRunStarted.await(30, java.util.concurrent.TimeUnit.SECONDS));
      Run first = runs.get(0);
      TestBackend owner = first.instance().equals("a") ? a : b;
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(owner::stop);

      Await.until("the other instance takes over", () -> runs.size() >= 2);
      Run second = runs.get(1);
      assertNotEquals(first.instance(), second.instance());
      assertFalse(second.startedAt().isBefore(first.startedAt().plus(timeout)),
          "taken over at " + second.startedAt() + ", before the first run's timeout " + first.startedAt().plus(timeout));
      stopping.join();
      assertEquals(2, runs.size(), "the hourly task ran once more, not more");
    } finally {
      testOver.countDown();
    }
  }

  @Test
  void anyInstanceCanTriggerAGlobalTaskAndTheClaimIsShared() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    instance("a", (name, scheduler) -> scheduler.scheduleTask("rebuild", new SchedulerServiceTaskScheduleDefinition(
        SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(1)), signal -> {
          runs.incrementAndGet();
          started.countDown();
          release.await();
        }));
    // instance b runs the plugin without scheduling that task: it triggers through the database
    TestBackend b = instance("b", (name, scheduler) -> scheduler.scheduleTask("other", new SchedulerServiceTaskScheduleDefinition(
        SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(1)), signal -> {}));
    SchedulerService fromB = b.service(CoreServices.SCHEDULER, PLUGIN);

    fromB.triggerTask("rebuild");
    assertTrue(started.await(30, java.util.concurrent.TimeUnit.SECONDS));
    Await.until("the claim is visible to b", () -> {
      try {
        fromB.triggerTask("rebuild");
        return false;
      } catch (dev.greenroom.backend.api.errors.ConflictError e) {
        assertEquals("Task rebuild is currently running", e.getMessage());
        return true;
      }
    });
    release.countDown();
    assertEquals("Task missing does not exist",
        org.junit.jupiter.api.Assertions.assertThrows(dev.greenroom.backend.api.errors.NotFoundError.class,
            () -> fromB.triggerTask("missing")).getMessage());
    assertEquals(1, runs.get());
  }
}
