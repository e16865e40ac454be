package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
  private static DatabaseSettings settings(Map<String, Object> database) {
    return new DatabaseSettings(Configs.of(Configs.database(database)));
  }

  private static String error(Map<String, Object> database) {
    return assertThrows(IllegalArgumentException.class, () -> settings(database).forPlugin("catalog")).getMessage();
  }

  @Test
  void noConfigMeansOneH2FilePerPluginUnderDataDb() {
    PluginDatabaseSettings s = new DatabaseSettings(Configs.of(Map.of())).forPlugin("catalog");
    assertEquals(DatabaseClient.H2, s.client());
    assertFalse(s.inMemory());
    assertEquals(Path.of("./data/db"), s.h2Directory());
    assertEquals("h2:file:" + Path.of("./data/db").resolve("catalog"), s.describe());
  }

  @Test
  void backstageSqliteMemoryConfigMeansInMemoryH2() {
    PluginDatabaseSettings s = settings(Map.of("client", "better-sqlite3", "connection", ":memory:")).forPlugin("catalog");
    assertEquals(DatabaseClient.H2, s.client());
    assertTrue(s.inMemory());
  }

  @Test
  void pgDatabaseModeNamesEachDatabaseWithThePrefixAndDropsTheBaseDatabaseName() {
    DatabaseSettings d = settings(Map.of("client", "pg", "connection",
        Map.of("host", "db.example", "port", 5433, "user", "u", "password", "p", "database", "shared")));
    PluginDatabaseSettings s = d.forPlugin("catalog");
    assertEquals("backstage_plugin_catalog", s.databaseName());
    assertNull(s.schema());
    assertTrue(s.ensureExists());
    assertEquals("pg:db.example:5433/backstage_plugin_catalog", s.describe());
  }

  @Test
  void pgSchemaModeKeepsTheBaseDatabaseAndUsesThePluginIdAsSchema() {
    PluginDatabaseSettings s = settings(Map.of("client", "pg", "pluginDivisionMode", "schema",
        "connection", "postgresql://u:secret@db.example/shared?sslmode=disable")).forPlugin("catalog");
    assertEquals("shared", s.databaseName());
    assertEquals("catalog", s.schema());
    assertEquals("u", s.pg().user());
    assertEquals("secret", s.pg().password());
    assertEquals(Map.of("sslmode", "disable"), s.pg().properties());
    assertFalse(s.describe().contains("secret"));
  }

  @Test
  void perPluginOverridesWinOverGlobalSettings() {
    DatabaseSettings d = settings(Map.of("client", "pg", "prefix", "bs_", "skipMigrations", true,
        "connection", Map.of("host", "a", "user", "u"),
        "plugin", Map.of("catalog", Map.of(
            "connection", Map.of("host", "b", "database", "cat"), "ensureExists", false, "skipMigrations", false))));
    PluginDatabaseSettings catalog = d.forPlugin("catalog");
    assertEquals("pg:b:5432/cat", catalog.describe());
    assertEquals("u", catalog.pg().user());
    assertFalse(catalog.ensureExists());
    assertFalse(catalog.skipMigrations());
    PluginDatabaseSettings other = d.forPlugin("scaffolder");
    assertEquals("pg:a:5432/bs_scaffolder", other.describe());
    assertTrue(other.skipMigrations());
  }

  @Test
  void aPluginOnAnotherClientDoesNotInheritTheBaseConnection() {
    PluginDatabaseSettings s = settings(Map.of("client", "pg", "connection", "postgresql://a/b",
        "plugin", Map.of("catalog", Map.of("client", "h2", "connection", ":memory:")))).forPlugin("catalog");
    assertEquals(DatabaseClient.H2, s.client());
    assertTrue(s.inMemory());
  }

  @Test
  void badPortNamesTheKey() {
    assertEquals(
        "Invalid database port 'abc' at config key 'backend.database.connection.port': expected a number from 1 to 65535",
        assertThrows(IllegalArgumentException.class,
            () -> settings(Map.of("client", "pg", "connection", Map.of("port", "abc")))).getMessage());
  }

  @Test
  void badPerPluginPortNamesThePluginKey() {
    assertEquals(
        "Invalid database port '70000' at config key 'backend.database.plugin.catalog.connection.port': expected a number from 1 to 65535",
        error(Map.of("client", "pg", "plugin", Map.of("catalog", Map.of("connection", Map.of("port", 70000))))));
  }

  @Test
  void unknownClientNamesTheKey() {
    assertEquals(
        "Invalid database client 'mysql2' at config key 'backend.database.client': expected 'pg' or 'h2' ('better-sqlite3' and 'sqlite3' mean embedded H2)",
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("client", "mysql2"))).getMessage());
  }

  @Test
  void badConnectionStringNamesTheKeyAndHidesThePassword() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> settings(Map.of("client", "pg", "connection", "mysql://u:hunter2@x/y"))).getMessage();
    assertEquals("Invalid database connection string at config key 'backend.database.connection': the scheme must be postgresql://", message);
  }

  @Test
  void badDivisionModeNamesTheKey() {
    assertEquals(
        "Invalid pluginDivisionMode 'table' at config key 'backend.database.pluginDivisionMode': expected 'database' or 'schema'",
        assertThrows(IllegalArgumentException.class,
            () -> settings(Map.of("client", "pg", "pluginDivisionMode", "table"))).getMessage());
  }

  @Test
  void badH2ConnectionNamesTheKey() {
    assertEquals(
        "Invalid database connection 'data.db' at config key 'backend.database.connection': for H2 use ':memory:' or an object with 'directory'",
        assertThrows(IllegalArgumentException.class, () -> settings(Map.of("connection", "data.db"))).getMessage());
  }

  @Test
  void wrongTypeIsReportedByConfigWithTheKey() {
    String message = assertThrows(RuntimeException.class,
        () -> settings(Map.of("client", "pg", "ensureExists", "maybe")).forPlugin("catalog")).getMessage();
    assertTrue(message.contains("backend.database.ensureExists"), message);
  }

  @Test
  void backoffDoublesUpToItsCap() {
    Backoff b = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(500));
    assertEquals(100, b.delay(1).toMillis());
    assertEquals(200, b.delay(2).toMillis());
    assertEquals(400, b.delay(3).toMillis());
    assertEquals(500, b.delay(4).toMillis());
    assertEquals(500, b.delay(40).toMillis());
  }
}
