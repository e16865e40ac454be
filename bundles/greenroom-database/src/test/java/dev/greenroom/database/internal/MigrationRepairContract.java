package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.database.migrations.MigrationDTO;
import dev.greenroom.database.migrations.MigrationException;
import dev.greenroom.database.migrations.MigrationHistoryDTO;
import dev.greenroom.database.migrations.MigrationResult;
import dev.greenroom.database.migrations.Migrations;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A migration that fails half-way, the way it really happens on each database ({@link #failing()}),
 * leaves a FAILED entry that blocks every later start, even with the script fixed; {@link
 * MigrationHistories} shows it and Flyway's repair removes it (and realigns the checksum of an
 * edited applied script), after which the fixed script applies. Run on H2 in the runtime's mode and
 * on the real PostgreSQL.
 */
abstract class MigrationRepairContract {
  static final ClassLoader LOADER = MigrationRepairContract.class.getClassLoader();

  /** A manager over a fresh database of the kind under test. */
  abstract DatabaseManager manager();

  /** A location whose V2 fails half-way on this database; V1 creates {@code todos}. */
  abstract String failing();

  /** The same migrations, V2 fixed (and V1 with an edited comment). */
  abstract String fixed();

  /** What V2's first attempt left behind, which the fixed V2 tolerates. */
  abstract String leftBehindQuery();

  private static String pluginId() {
    return "todo" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private static List<String> states(MigrationHistoryDTO h) {
    return h.migrations().stream().map(m -> m.version() + ":" + m.state()).toList();
  }

  @Test
  void aHalfAppliedMigrationIsShownRepairedAndThenApplied() throws Exception {
    String plugin = pluginId();
    try (DatabaseManager manager = manager()) {
      MigrationHistories histories = new MigrationHistories(() -> manager);
      DatabaseService db = manager.forPlugin(plugin);
      assertThrows(MigrationException.class, () -> Migrations.run(db, LOADER, failing(), null));
      assertEquals(1, Sql.column(db.getClient(), leftBehindQuery()).size(), "V2 was half applied");

      List<MigrationHistoryDTO> info = histories.info(plugin);
      assertEquals(1, info.size());
      MigrationHistoryDTO history = info.get(0);
      assertEquals(plugin, history.pluginId());
      assertEquals(failing(), history.location());
      assertEquals("flyway_schema_history", history.historyTable());
      assertEquals(List.of("1:SUCCESS", "2:FAILED"), states(history));
      MigrationDTO v1 = history.migrations().get(0);
      assertEquals("create todos", v1.description());
      assertNotNull(v1.installedOn());
      assertTrue(v1.script().startsWith("V1__create_todos.sql"), v1.script());
      assertEquals(List.of(), history.repaired());

      // the plugin's bundle is fixed, yet it cannot start: Flyway refuses while a failed entry exists
      MigrationException stuck = assertThrows(MigrationException.class, () -> Migrations.run(db, LOADER, fixed(), null));
      assertTrue(stuck.getMessage().contains("failed migration to version 2"), stuck.getMessage());

      MigrationHistoryDTO repaired = histories.repair(plugin).get(0);
      assertEquals(fixed(), repaired.location(), "the location of the plugin's latest run");
      assertEquals(List.of("removed failed migration 2 (add tags)", "realigned checksum of 1 (create todos)"),
          repaired.repaired().stream().map(l -> l.replace("index todos", "add tags")).toList());
      assertEquals(List.of("1:SUCCESS", "2:PENDING"), states(repaired));
      assertNull(repaired.migrations().get(1).installedOn());

      assertEquals(new MigrationResult(false, 1, "2", "flyway_schema_history"), Migrations.run(db, LOADER, fixed(), null));
      assertEquals(List.of("1:SUCCESS", "2:SUCCESS"), states(histories.info(plugin).get(0)));
      assertEquals(List.of(), histories.repair(plugin).get(0).repaired(), "nothing left to repair");
    }
  }

  @Test
  void aModulesMigrationsAreListedAfterThePlugins() {
    String plugin = pluginId();
    try (DatabaseManager manager = manager()) {
      DatabaseService db = manager.forPlugin(plugin);
      Migrations.run(db, LOADER, "db/migration/tags", "todo_tags");
      Migrations.run(db, LOADER, "db/migration/things", null);
      List<MigrationHistoryDTO> info = new MigrationHistories(() -> manager).info(plugin);
      assertEquals(List.of("flyway_schema_history", "todo_tags__flyway_schema_history"),
          info.stream().map(MigrationHistoryDTO::historyTable).toList());
      // the module came first into the empty schema; the plugin then baselined its own history at 0
      assertEquals(List.of("0:BASELINE", "1:SUCCESS", "2:SUCCESS"), states(info.get(0)));
      assertEquals(List.of("1:SUCCESS"), states(info.get(1)));
    }
  }

  @Test
  void aPluginThatRanNoMigrationsIsNamed() {
    try (DatabaseManager manager = manager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new MigrationHistories(() -> manager).repair("nobody"));
      assertEquals("Plugin 'nobody' has run no migrations since the database bundle started (a plugin's migrations are"
          + " known once its init has called Migrations.run)", e.getMessage());
    }
  }
}
