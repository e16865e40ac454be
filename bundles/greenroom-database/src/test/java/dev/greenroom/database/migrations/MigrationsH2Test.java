package dev.greenroom.database.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.database.internal.DatabaseManager;
import dev.greenroom.database.internal.DatabaseServiceFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class MigrationsH2Test {
  private static final ClassLoader LOADER = MigrationsH2Test.class.getClassLoader();
  @TempDir Path dir;

  private DatabaseManager manager(Map<String, Object> extra) {
    Map<String, Object> db = new java.util.HashMap<>(Map.of("client", "h2", "connection", Map.of("directory", dir.toString())));
    db.putAll(extra);
    return new DatabaseManager(new MapConfig(Map.of("backend", Map.of("database", db)), "test config"));
  }

  private static List<String> column(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static List<String> tables(DataSource ds) throws Exception {
    return column(ds, "SELECT lower(table_name) FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1");
  }

  @Test
  void pluginAndModuleMigrateSideBySideWithSeparatePrefixedHistories() throws Exception {
    try (DatabaseManager manager = manager(Map.of())) {
      DatabaseService db = manager.forPlugin("example");
      MigrationResult plugin = Migrations.run(db, LOADER, "db/migration/things", null);
      MigrationResult module = Migrations.run(db, LOADER, "db/migration/tags", "example_tags");
      assertEquals(new MigrationResult(false, 2, "2", "flyway_schema_history"), plugin);
      assertEquals(new MigrationResult(false, 1, "1", "example_tags__flyway_schema_history"), module);
      assertEquals(
          List.of("example_tags__flyway_schema_history", "example_tags__tags", "flyway_schema_history", "things"),
          tables(db.getClient()));
      // the V2 migration ran: the column exists
      assertEquals(List.of(), column(db.getClient(), "SELECT note FROM things"));
    }
  }

  @Test
  void aSecondRunAfterARestartAppliesNothing() throws Exception {
    try (DatabaseManager manager = manager(Map.of())) {
      Migrations.run(manager.forPlugin("example"), LOADER, "db/migration/things", null);
    }
    try (DatabaseManager manager = manager(Map.of())) {
      assertEquals(new MigrationResult(false, 0, "2", "flyway_schema_history"),
          Migrations.run(manager.forPlugin("example"), LOADER, "classpath:db/migration/things/", null));
    }
  }

  @Test
  void skipMigrationsMakesRunANoOp() throws Exception {
    try (DatabaseManager manager = manager(Map.of("skipMigrations", true))) {
      DatabaseService db = manager.forPlugin("example");
      assertEquals(new MigrationResult(true, 0, null, "flyway_schema_history"),
          Migrations.run(db, LOADER, "db/migration/things", null));
      assertEquals(List.of(), tables(db.getClient()));
    }
  }

  @Test
  void aFailedMigrationIsReportedWithPluginLocationAndHistoryTable() {
    try (DatabaseManager manager = manager(Map.of())) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> Migrations.run(manager.forPlugin("broken"), LOADER, "db/migration/failing", null));
      assertTrue(e.getMessage().startsWith(
          "Migrations from 'db/migration/failing' failed for plugin 'broken' (history table 'flyway_schema_history'): "),
          e.getMessage());
      assertTrue(e.getMessage().contains("V2__broken.sql"), e.getMessage());
      assertEquals("db/migration/failing", e.location());
    }
  }

  @Test
  void aMissingLocationIsAnError() {
    try (DatabaseManager manager = manager(Map.of())) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> Migrations.run(manager.forPlugin("example"), LOADER, "db/migration/nope", null));
      assertTrue(e.getMessage().startsWith("Migrations from 'db/migration/nope' failed for plugin 'example'"), e.getMessage());
    }
  }

  @Test
  void anInvalidPrefixIsRejected() {
    try (DatabaseManager manager = manager(Map.of())) {
      assertEquals(
          "Invalid migration table prefix 'Bad-Prefix': expected lower-case letters, digits and '_', starting with a letter",
          assertThrows(IllegalArgumentException.class,
              () -> Migrations.run(manager.forPlugin("example"), LOADER, "db/migration/tags", "Bad-Prefix")).getMessage());
    }
  }

  @Test
  void aFailedMigrationFailsThatPluginOnlyAndTheOthersRun() throws Exception {
    List<String> goodThings = new ArrayList<>();
    BackendPlugin broken = BackendPlugin.create("broken", env -> env.registerInit(
        Deps.of(CoreServices.DATABASE),
        deps -> Migrations.run(deps.get(CoreServices.DATABASE), LOADER, "db/migration/failing", null)));
    BackendPlugin good = BackendPlugin.create("good", env -> env.registerInit(
        Deps.of(CoreServices.DATABASE), deps -> {
          DatabaseService db = deps.get(CoreServices.DATABASE);
          Migrations.run(db, LOADER, "db/migration/things", null);
          goodThings.addAll(tables(db.getClient()));
        }));
    BackendModule tags = BackendModule.create("good", "tags", env -> env.registerInit(
        Deps.of(CoreServices.DATABASE),
        deps -> Migrations.run(deps.get(CoreServices.DATABASE), LOADER, "db/migration/tags", "good_tags")));
    try (TestBackend backend = TestBackend.builder()
        .config(Map.of("backend", Map.of(
            "database", Map.of("client", "h2", "connection", Map.of("directory", dir.toString())),
            "startup", Map.of("default", Map.of("onPluginBootFailure", "continue")))))
        .defaultService(DatabaseServiceFactory.create())
        .add(broken).add(good).add(tags)
        .start()) {
      Map<String, BackendStartupResult.PluginStartupResult> byId = new java.util.HashMap<>();
      backend.startupResult().plugins().forEach(p -> byId.put(p.pluginId(), p));
      assertNull(byId.get("good").failure());
      Throwable failure = byId.get("broken").failure().error();
      while (failure != null && !(failure instanceof MigrationException)) {
        failure = failure.getCause();
      }
      assertInstanceOf(MigrationException.class, failure);
      // the module ran before its plugin's init, so its table was there when the plugin listed them
      assertEquals(List.of("flyway_schema_history", "good_tags__flyway_schema_history", "good_tags__tags", "things"),
          goodThings);
    }
  }
}
