package dev.greenroom.scheduler;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenroom.backend.api.services.DatabaseService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real databases for tests: an in-memory H2 per test, or a throwaway PostgreSQL database on
 * 127.0.0.1:5432 (user postgres, trust auth) that {@link Postgres#close()} drops. Stands in for
 * the database bundle, which is built separately.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /**
   * In the mode the database bundle opens H2 in (greenroom-database's H2Connector: PostgreSQL
   * compatibility), so the scheduler's tests run against what a plugin gets by default — plain H2
   * accepted a {@code blob} column that the default database refused at plugin start.
   */
  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:sched_" + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    ds.setUser("sa");
    return ds;
  }

  /** A DatabaseService over {@code ds}, as core.database would hand it to a plugin. */
  public static DatabaseService service(DataSource ds) {
    return () -> ds;
  }

  /** A DatabaseService that fails the test if anything opens it. */
  public static DatabaseService untouchable() {
    return () -> {
      throw new AssertionError("the scheduler opened the database, but no global task was scheduled");
    };
  }

  /** A fresh PostgreSQL database; skipped (or failed under CI=true) when the server is down. */
  public static Postgres postgres() {
    String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
      String name = "greenroom_sched_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return new Postgres(name);
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("PostgreSQL on 127.0.0.1:5432 is unreachable and CI=true: " + e.getMessage(), e);
      }
      assumeTrue(false, "PostgreSQL on 127.0.0.1:5432 (user postgres, trust) is not running: start it (.ci/run does) to run this test. " + e.getMessage());
      throw new IllegalStateException(e);
    }
  }

  /** A throwaway PostgreSQL database. */
  public static final class Postgres implements AutoCloseable {
    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    Postgres(String name) {
      this.name = name;
      dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/" + name);
      dataSource.setUser("postgres");
    }

    public DataSource dataSource() {
      return dataSource;
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
