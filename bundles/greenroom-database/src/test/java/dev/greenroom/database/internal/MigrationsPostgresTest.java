package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.database.migrations.MigrationException;
import dev.greenroom.database.migrations.MigrationResult;
import dev.greenroom.database.migrations.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Migrations on the real PostgreSQL: locking across instances, rollback, prefixed module tables. */
@Timeout(180)
class MigrationsPostgresTest {
  private static final ClassLoader LOADER = MigrationsPostgresTest.class.getClassLoader();
  private String prefix;

  @BeforeEach
  void requirePostgres() {
    Postgres.require();
    prefix = Postgres.uniquePrefix();
  }

  @AfterEach
  void dropWhatWeCreated() throws SQLException {
    if (prefix != null) {
      Postgres.dropDatabasesWithPrefix(prefix);
    }
  }

  private DatabaseManager manager() {
    return new DatabaseManager(Configs.of(Configs.pg(prefix, Map.of())));
  }

  @Test
  void twoInstancesStartingTogetherMigrateOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (DatabaseManager one = manager(); DatabaseManager two = manager()) {
      CountDownLatch go = new CountDownLatch(1);
      Future<MigrationResult> r1 = pool.submit(() -> {
        go.await();
        return Migrations.run(one.forPlugin("counter"), LOADER, "db/migration/concurrent", null);
      });
      Future<MigrationResult> r2 = pool.submit(() -> {
        go.await();
        return Migrations.run(two.forPlugin("counter"), LOADER, "db/migration/concurrent", null);
      });
      go.countDown();
      MigrationResult a = r1.get(120, TimeUnit.SECONDS);
      MigrationResult b = r2.get(120, TimeUnit.SECONDS);
      // V2 inserts a primary key: a second run of it would have failed one of the two
      assertEquals(2, a.applied() + b.applied(), a + " / " + b);
      assertEquals("2", a.version());
      assertEquals("2", b.version());
      DataSource ds = one.forPlugin("counter").getClient();
      assertEquals(List.of("migrations:1"), Sql.column(ds, "SELECT name || ':' || hits FROM counters"));
      assertEquals(List.of("1", "2"),
          Sql.column(ds, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Both instances find the module's history table missing in a schema that already holds the
   * plugin's tables, so both take Flyway's baseline path: without a lock around the whole run the
   * loser failed with "Unable to baseline schema history table ... already exists, and is empty".
   */
  @Test
  void twoInstancesBaseliningAModuleHistoryTogetherMigrateOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (DatabaseManager one = manager(); DatabaseManager two = manager()) {
      for (int round = 0; round < 5; round++) {
        String plugin = "shared" + round;
        Migrations.run(one.forPlugin(plugin), LOADER, "db/migration/things", null);
        CountDownLatch go = new CountDownLatch(1);
        Future<MigrationResult> r1 = pool.submit(() -> {
          go.await();
          return Migrations.run(one.forPlugin(plugin), LOADER, "db/migration/tags", "mod");
        });
        Future<MigrationResult> r2 = pool.submit(() -> {
          go.await();
          return Migrations.run(two.forPlugin(plugin), LOADER, "db/migration/tags", "mod");
        });
        go.countDown();
        MigrationResult a = r1.get(120, TimeUnit.SECONDS);
        MigrationResult b = r2.get(120, TimeUnit.SECONDS);
        assertEquals(1, a.applied() + b.applied(), "round " + round + ": " + a + " / " + b);
        assertEquals(List.of("0", "1"), Sql.column(one.forPlugin(plugin).getClient(),
            "SELECT version FROM mod__flyway_schema_history WHERE success ORDER BY installed_rank"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedMigrationIsRolledBackAndReported() throws Exception {
    try (DatabaseManager manager = manager()) {
      DatabaseService db = manager.forPlugin("broken");
      MigrationException e = assertThrows(MigrationException.class,
          () -> Migrations.run(db, LOADER, "db/migration/failing", null));
      assertTrue(e.getMessage().startsWith(
          "Migrations from 'db/migration/failing' failed for plugin 'broken' (history table 'flyway_schema_history'): "),
          e.getMessage());
      // V1 committed; V2's CREATE TABLE was rolled back together with its failing INSERT
      assertEquals(List.of("flyway_schema_history", "ok_table"), Sql.tables(db.getClient()));
      assertEquals(List.of("1"), Sql.column(db.getClient(), "SELECT version FROM flyway_schema_history ORDER BY installed_rank"));
    }
  }

  @Test
  void moduleTablesAndHistoryCarryTheModulePrefixInSchemaMode() throws Exception {
    String shared = prefix + "shared";
    try (Connection c = Postgres.admin(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + shared);
    }
    Map<String, Object> config = Configs.database(Map.of("client", "pg", "pluginDivisionMode", "schema",
        "connection", Map.of("host", Postgres.HOST, "user", Postgres.USER, "database", shared)));
    try (DatabaseManager manager = new DatabaseManager(Configs.of(config))) {
      DatabaseService db = manager.forPlugin("example");
      Migrations.run(db, LOADER, "db/migration/things", null);
      Migrations.run(db, LOADER, "db/migration/tags", "example_tags");
      assertEquals(
          List.of("example_tags__flyway_schema_history", "example_tags__tags", "flyway_schema_history", "things"),
          Sql.tables(db.getClient()));
      assertEquals(List.of("example"), Sql.column(db.getClient(),
          "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'things'"));
    }
  }
}
