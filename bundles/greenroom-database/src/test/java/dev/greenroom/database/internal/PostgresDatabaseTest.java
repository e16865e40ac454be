package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.database.status.DatabaseState;
import dev.greenroom.database.status.DatabaseStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** core.database on the real PostgreSQL: one database (or schema) per plugin, created on demand. */
@Timeout(180)
class PostgresDatabaseTest {
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

  private List<String> databases() throws SQLException {
    return Postgres.adminQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%' ORDER BY 1");
  }

  @Test
  void databaseModeCreatesOneDatabasePerPluginOnFirstUseAndIsolatesThem() throws Exception {
    try (DatabaseManager manager = new DatabaseManager(Configs.of(Configs.pg(prefix, Map.of())))) {
      DatabaseService a = manager.forPlugin("a");
      DatabaseService b = manager.forPlugin("b");
      assertEquals(List.of(), databases(), "nothing is created before getClient()");
      Sql.exec(a.getClient(), "CREATE TABLE secrets (v TEXT)");
      b.getClient();
      assertEquals(List.of(prefix + "a", prefix + "b"), databases());
      assertEquals(List.of("secrets"), Sql.tables(a.getClient()));
      assertEquals(List.of(), Sql.tables(b.getClient()));
      SQLException e = assertThrows(SQLException.class, () -> Sql.column(b.getClient(), "SELECT v FROM secrets"));
      assertEquals("42P01", e.getSQLState()); // undefined table
    }
  }

  @Test
  void twoBackendsCreatingTheSameDatabaseTogetherBothSucceed() throws Exception {
    try (DatabaseManager one = new DatabaseManager(Configs.of(Configs.pg(prefix, Map.of())));
        DatabaseManager two = new DatabaseManager(Configs.of(Configs.pg(prefix, Map.of())))) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Future<DataSource> f1 = pool.submit(() -> { go.await(); return one.forPlugin("race").getClient(); });
        Future<DataSource> f2 = pool.submit(() -> { go.await(); return two.forPlugin("race").getClient(); });
        go.countDown();
        Sql.exec(f1.get(60, TimeUnit.SECONDS), "CREATE TABLE t (x INT)");
        assertEquals(List.of("t"), Sql.tables(f2.get(60, TimeUnit.SECONDS)));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void ensureExistsFalseFailsAtOnceNamingThePluginAndDatabase() {
    Map<String, Object> config = Configs.pg(prefix, Map.of("ensureExists", false));
    try (DatabaseManager manager = new DatabaseManager(Configs.of(config))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> manager.forPlugin("a").getClient());
      assertTrue(e.getMessage().startsWith(
          "Could not open the database of plugin 'a' (pg:127.0.0.1:5432/" + prefix + "a): "), e.getMessage());
      DatabaseStatus status = manager.status("a").orElseThrow();
      assertEquals(DatabaseState.FAILED, status.state());
      assertEquals(1, status.attempts());
    }
  }

  @Test
  void schemaModeGivesEachPluginItsOwnSchemaInOneDatabase() throws Exception {
    String shared = prefix + "shared";
    try (Connection c = Postgres.admin(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + shared);
    }
    Map<String, Object> config = Configs.database(Map.of(
        "client", "pg", "pluginDivisionMode", "schema",
        "connection", "postgresql://postgres@127.0.0.1:5432/" + shared));
    try (DatabaseManager manager = new DatabaseManager(Configs.of(config))) {
      DataSource a = manager.forPlugin("a").getClient();
      DataSource b = manager.forPlugin("b").getClient();
      Sql.exec(a, "CREATE TABLE secrets (v TEXT)");
      assertEquals(List.of("a"), Sql.column(a, "SELECT current_schema()"));
      assertEquals(List.of("b"), Sql.column(b, "SELECT current_schema()"));
      assertEquals(List.of("secrets"), Sql.tables(a));
      assertEquals(List.of(), Sql.tables(b));
      assertEquals(List.of("a", "b"), Sql.column(a,
          "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('a', 'b') ORDER BY 1"));
      assertEquals(List.of(shared), databases(), "no per-plugin database in schema mode");
    }
  }

  @Test
  void anUnreachableServerIsRetriedWithBackoffAndRecoversWithoutRestart() throws Exception {
    int port = TcpForwarder.freePort();
    Map<String, Object> config = Configs.database(Map.of("client", "pg", "prefix", prefix,
        "connection", Map.of("host", "127.0.0.1", "port", port, "user", Postgres.USER)));
    Backoff fast = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (DatabaseManager manager = new DatabaseManager(Configs.of(config), fast)) {
      DatabaseService db = manager.forPlugin("late");
      Future<DataSource> client = pool.submit(db::getClient);
      DatabaseStatus waiting = awaitStatus(manager, s -> s.state() == DatabaseState.UNAVAILABLE && s.attempts() >= 3);
      assertTrue(waiting.reason().contains("refused"), waiting.reason());
      try (TcpForwarder server = new TcpForwarder(port, Postgres.HOST, Postgres.PORT)) {
        DataSource ds = client.get(120, TimeUnit.SECONDS);
        assertEquals(List.of("1"), Sql.column(ds, "SELECT 1"));
        DatabaseStatus ready = manager.status("late").orElseThrow();
        assertEquals(DatabaseState.READY, ready.state());
        assertEquals(null, ready.reason());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closingTheManagerStopsAPluginWaitingForAnUnreachableServer() throws Exception {
    int port = TcpForwarder.freePort();
    Map<String, Object> config = Configs.database(Map.of("client", "pg", "prefix", prefix,
        "connection", Map.of("host", "127.0.0.1", "port", port, "user", Postgres.USER)));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      DatabaseManager manager = new DatabaseManager(Configs.of(config), new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)));
      Future<DataSource> client = pool.submit(() -> manager.forPlugin("late").getClient());
      awaitStatus(manager, s -> s.state() == DatabaseState.UNAVAILABLE);
      manager.close();
      java.util.concurrent.ExecutionException e =
          assertThrows(java.util.concurrent.ExecutionException.class, () -> client.get(60, TimeUnit.SECONDS));
      assertEquals("The database of plugin 'late' is closed", e.getCause().getMessage());
    } finally {
      pool.shutdownNow();
    }
  }

  private static DatabaseStatus awaitStatus(DatabaseManager manager, java.util.function.Predicate<DatabaseStatus> p)
      throws InterruptedException {
    // polls a state, not a clock: the generous bound only stops a hung test
    for (int i = 0; i < 6000; i++) {
      DatabaseStatus s = manager.statuses().isEmpty() ? null : manager.statuses().get(0);
      if (s != null && p.test(s)) {
        return s;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("status never matched: " + manager.statuses());
  }
}
