package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.database.status.DatabaseState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class H2DatabaseTest {
  @TempDir Path dir;

  @Test
  void eachPluginHasItsOwnDatabaseAndCannotSeeAnothersTables() throws Exception {
    try (DatabaseManager manager = new DatabaseManager(Configs.of(Configs.h2Dir(dir)))) {
      DataSource a = manager.forPlugin("a").getClient();
      DataSource b = manager.forPlugin("b").getClient();
      Sql.exec(a, "CREATE TABLE secrets (v VARCHAR(10))");
      Sql.exec(a, "INSERT INTO secrets VALUES ('mine')");
      assertEquals(List.of("secrets"), Sql.tables(a));
      assertEquals(List.of(), Sql.tables(b));
      SQLException e = assertThrows(SQLException.class, () -> Sql.column(b, "SELECT v FROM secrets"));
      // table not found (H2 says 42S04 when the database has no tables at all)
      assertTrue(List.of("42S02", "42S04").contains(e.getSQLState()), e.getSQLState());
    }
  }

  @Test
  void getClientCreatesThePoolOnceAndReturnsTheSameDataSource() {
    try (DatabaseManager manager = new DatabaseManager(Configs.of(Configs.h2Dir(dir)))) {
      var db = manager.forPlugin("a");
      assertEquals(DatabaseState.IDLE, manager.status("a").orElseThrow().state());
      DataSource first = db.getClient();
      assertSame(first, db.getClient());
      assertEquals(DatabaseState.READY, manager.status("a").orElseThrow().state());
      assertEquals(1, manager.openPools());
    }
  }

  @Test
  void aRestartKeepsTheDataOnDisk() throws Exception {
    try (DatabaseManager first = new DatabaseManager(Configs.of(Configs.h2Dir(dir)))) {
      DataSource ds = first.forPlugin("catalog").getClient();
      Sql.exec(ds, "CREATE TABLE entities (name VARCHAR(50))");
      Sql.exec(ds, "INSERT INTO entities VALUES ('component:default/a')");
    }
    assertTrue(Files.exists(dir.resolve("catalog.mv.db")));
    try (DatabaseManager second = new DatabaseManager(Configs.of(Configs.h2Dir(dir)))) {
      assertEquals(List.of("component:default/a"),
          Sql.column(second.forPlugin("catalog").getClient(), "SELECT name FROM entities"));
    }
  }

  @Test
  void inMemoryDatabasesArePrivateToTheirBackendAndGoneAfterClose() throws Exception {
    Map<String, Object> memory = Configs.database(Map.of("client", "h2", "connection", ":memory:"));
    try (DatabaseManager one = new DatabaseManager(Configs.of(memory));
        DatabaseManager two = new DatabaseManager(Configs.of(memory))) {
      Sql.exec(one.forPlugin("a").getClient(), "CREATE TABLE t (x INT)");
      assertEquals(List.of(), Sql.tables(two.forPlugin("a").getClient()));
      one.close();
      try (DatabaseManager three = new DatabaseManager(Configs.of(memory))) {
        assertEquals(List.of(), Sql.tables(three.forPlugin("a").getClient()));
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void closedDatabaseRefusesNewClientsAndReportsClosed() {
    DatabaseManager manager = new DatabaseManager(Configs.of(Configs.h2Dir(dir)));
    var db = manager.forPlugin("a");
    db.getClient();
    manager.close();
    assertEquals(DatabaseState.CLOSED, manager.status("a").orElseThrow().state());
    assertEquals("The database of plugin 'a' is closed",
        assertThrows(dev.greenroom.backend.api.errors.ServiceUnavailableError.class, db::getClient).getMessage());
  }

  /**
   * The plugin's shutdown hooks run alongside the pool's close: a connection still in use is not
   * aborted under its user; the close waits for it (bounded), and the write made on it lands.
   */
  @Test
  void closeWaitsForAConnectionStillInUse() throws Exception {
    try (DatabaseManager manager = new DatabaseManager(Configs.of(Configs.h2Dir(dir)))) {
      PluginDatabase db = manager.pluginDatabase("a");
      DataSource ds = db.getClient();
      Sql.exec(ds, "CREATE TABLE notes (v VARCHAR(10))");
      java.sql.Connection held = ds.getConnection();
      java.util.concurrent.CompletableFuture<Void> closing = java.util.concurrent.CompletableFuture.runAsync(db::close);
      new java.util.concurrent.CountDownLatch(1).await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      assertFalse(closing.isDone(), "close waits while a connection is in use");
      try (java.sql.Statement st = held.createStatement()) {
        st.executeUpdate("INSERT INTO notes VALUES ('last')"); // a shutdown hook's last write
      }
      held.close();
      closing.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThrows(RuntimeException.class, db::getClient, "closed: no new clients");
    }
    try (DatabaseManager again = new DatabaseManager(Configs.of(Configs.h2Dir(dir)))) {
      assertEquals(List.of("last"), Sql.column(again.forPlugin("a").getClient(), "SELECT v FROM notes"));
    }
  }

  @Test
  void aRestartedPluginGetsAFreshPoolOnTheSameData() throws Exception {
    try (DatabaseManager manager = new DatabaseManager(Configs.of(Configs.h2Dir(dir)))) {
      PluginDatabase before = manager.pluginDatabase("a");
      Sql.exec(before.getClient(), "CREATE TABLE kept (x INT)");
      before.close(); // the plugin's shutdown hook
      PluginDatabase after = manager.pluginDatabase("a");
      assertTrue(after != before, "a stopped plugin must not get its closed database back");
      assertEquals(List.of("kept"), Sql.tables(after.getClient()));
      assertEquals(DatabaseState.READY, manager.status("a").orElseThrow().state());
    }
  }

  @Test
  void hundredPluginsThatNeverCallGetClientOpenNoPool() throws Exception {
    AtomicReference<DatabaseManager> manager = new AtomicReference<>();
    TestBackend.Builder builder = TestBackend.builder()
        .config(Configs.h2Dir(dir))
        .defaultService(DatabaseServiceFactory.create(manager::set));
    for (int i = 0; i < 100; i++) {
      // each plugin depends on core.database but never touches it
      builder.add(BackendPlugin.create("p" + i, env -> env.registerInit(
          Deps.of(CoreServices.DATABASE), deps -> deps.get(CoreServices.DATABASE))));
    }
    try (TestBackend backend = builder.start()) {
      assertEquals(100, manager.get().statuses().size());
      assertTrue(manager.get().statuses().stream().allMatch(s -> s.state() == DatabaseState.IDLE));
      assertEquals(0, manager.get().openPools());
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(0, files.count(), "no database file may be created");
      }
    }
  }

  @Test
  void aPluginsPoolClosesWhenTheBackendStops() throws Exception {
    AtomicReference<DatabaseManager> manager = new AtomicReference<>();
    AtomicReference<DataSource> client = new AtomicReference<>();
    TestBackend backend = TestBackend.builder()
        .config(Configs.h2Dir(dir))
        .defaultService(DatabaseServiceFactory.create(manager::set))
        .add(BackendPlugin.create("user", env -> env.registerInit(
            Deps.of(CoreServices.DATABASE), deps -> client.set(deps.get(CoreServices.DATABASE).getClient()))))
        .start();
    assertEquals(1, manager.get().openPools());
    backend.stop();
    assertEquals(DatabaseState.CLOSED, manager.get().status("user").orElseThrow().state());
    assertThrows(SQLException.class, () -> client.get().getConnection());
  }
}
