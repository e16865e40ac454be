package dev.greenroom.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScope;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.scheduler.internal.PluginTaskScheduler;
import dev.greenroom.scheduler.internal.TaskTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Global tasks (Backstage's default scope) on db-scheduler over a real database: the task table
 * created in the plugin's database, claims, triggers, the listing and skipMigrations. Run by {@link
 * GlobalTasksH2Test} (H2 in the database bundle's mode, what a plugin gets by default) and {@link
 * GlobalTasksPostgresTest} (a fresh PostgreSQL database per test).
 */
abstract class GlobalTasksContract {
  static final SchedulerOptions FAST =
      SchedulerOptions.defaults().withMaxPollingInterval(Duration.ofMillis(100)).withShutdownGrace(Duration.ofMillis(500));

  private final CapturingLogger logs = new CapturingLogger();
  private DataSource db;
  private PluginTaskScheduler scheduler;

  /** A fresh, empty database of the kind under test; {@link #closeDatabases()} disposes of it. */
  abstract DataSource newDatabase();

  /** Drops what {@link #newDatabase()} created (nothing for in-memory H2). */
  void closeDatabases() throws Exception {}

  @BeforeEach
  void start() {
    db = newDatabase();
    scheduler = new PluginTaskScheduler("example", TestDatabases.service(db), logs.logger(), FAST.withInstanceName("store-instance"));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      scheduler.stop();
    } finally {
      closeDatabases();
    }
  }

  @Test
  void theEngineTableIsCreatedInThePluginsDatabaseWithThePrefix() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    scheduler.scheduleTask("tick", new SchedulerServiceTaskScheduleDefinition(
        SchedulerServiceTaskFrequency.every(Duration.ofMillis(200)), Duration.ofSeconds(10)), s -> runs.incrementAndGet());
    Await.until("two runs", () -> runs.get() >= 2);
    try (Connection c = db.getConnection();
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT task_name, task_instance FROM " + TaskTable.NAME)) {
      assertTrue(rs.next());
      assertEquals("tick", rs.getString(1));
      assertEquals("recurring", rs.getString(2));
    }
    assertEquals("backstage_backend_tasks__scheduled_tasks", TaskTable.NAME);
    assertTrue(hasTable(db, TaskTable.NAME), "the check skipMigrations relies on sees the table");
  }

  @Test
  void aManualGlobalTaskRunsOnTriggerAndConflictsWhileRunning() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    scheduler.scheduleTask("manual", new SchedulerServiceTaskScheduleDefinition(
        SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(1)), s -> {
          runs.incrementAndGet();
          started.countDown();
          release.await();
        });
    CountDownLatch other = new CountDownLatch(3);
    scheduler.scheduleTask("other", new SchedulerServiceTaskScheduleDefinition(
        SchedulerServiceTaskFrequency.every(Duration.ofMillis(50)), Duration.ofSeconds(5)), s -> other.countDown());
    assertTrue(other.await(30, TimeUnit.SECONDS));
    assertEquals(0, runs.get(), "a manual task does not run by itself");

    scheduler.triggerTask("manual");
    assertTrue(started.await(30, TimeUnit.SECONDS));
    Await.until("claimed", () -> {
      try {
        scheduler.triggerTask("manual");
        return false;
      } catch (ConflictError e) {
        assertEquals("Task manual is currently running", e.getMessage());
        return true;
      }
    });
    release.countDown();
    assertEquals(1, runs.get());
  }

  @Test
  void unknownTasksAreNotFound() {
    assertEquals("Task nope does not exist",
        assertThrows(NotFoundError.class, () -> scheduler.triggerTask("nope")).getMessage());
  }

  @Test
  void theListingCarriesScopeAndSettings() {
    scheduler.scheduleTask("g", new SchedulerServiceTaskScheduleDefinition(
        SchedulerServiceTaskFrequency.cron("*/5 * * * *"), Duration.ofMinutes(3)).withInitialDelay(Duration.ofSeconds(30)), s -> {});
    scheduler.scheduleTask("l", new SchedulerServiceTaskScheduleDefinition(
        SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(3)).withScope(SchedulerServiceTaskScope.LOCAL), s -> {});
    var tasks = scheduler.getScheduledTasks();
    assertEquals(2, tasks.size());
    assertEquals(SchedulerServiceTaskScope.GLOBAL, tasks.get(0).scope());
    assertEquals("*/5 * * * *", tasks.get(0).settings().get("cadence"));
    assertEquals("PT30S", tasks.get(0).settings().get("initialDelayDuration"));
    assertEquals(SchedulerServiceTaskScope.LOCAL, tasks.get(1).scope());
    assertEquals("manual", tasks.get(1).settings().get("cadence"));
  }

  @Test
  void skipMigrationsLeavesTheSchemaAlone() throws Exception {
    DataSource empty = newDatabase();
    PluginTaskScheduler skipping = new PluginTaskScheduler("ro", new dev.greenroom.backend.api.services.DatabaseService() {
      @Override
      public DataSource getClient() {
        return empty;
      }

      @Override
      public dev.greenroom.backend.api.services.MigrationsOptions migrations() {
        return new dev.greenroom.backend.api.services.MigrationsOptions(true);
      }
    }, logs.logger(), FAST);
    try {
      assertThrows(RuntimeException.class, () -> skipping.scheduleTask("t", new SchedulerServiceTaskScheduleDefinition(
          SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(1)), s -> {}));
      assertFalse(hasTable(empty, TaskTable.NAME), "no table was created");
    } finally {
      skipping.stop();
    }
  }

  /** Whether {@code table} exists, asked the same way on H2 and PostgreSQL (names are lower-case on both). */
  static boolean hasTable(DataSource ds, String table) throws Exception {
    try (Connection c = ds.getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = ?")) {
      ps.setString(1, table.toLowerCase(java.util.Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }
}
