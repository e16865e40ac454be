package dev.greenroom.events.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenroom.database.migrations.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway database on the local PostgreSQL (127.0.0.1:5432, user postgres, trust) with the
 * bus's tables migrated, dropped by {@link #close()}. Skipped when the server is down, failed under
 * {@code CI=true} (as greenroom-scheduler's TestDatabases).
 */
final class Postgres implements AutoCloseable {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private final String name;
  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  private Postgres(String name) {
    this.name = name;
    dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/" + name);
    dataSource.setUser("postgres");
  }

  static Postgres create() {
    try (Connection c = DriverManager.getConnection(ADMIN, "postgres", ""); Statement s = c.createStatement()) {
      String name = "greenroom_events_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      s.execute("CREATE DATABASE " + name);
      Postgres pg = new Postgres(name);
      Migrations.run(() -> pg.dataSource, EventsPlugin.class.getClassLoader(), "db/migration/events", null);
      return pg;
    } catch (SQLException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("PostgreSQL on 127.0.0.1:5432 is unreachable and CI=true: " + e.getMessage(), e);
      }
      assumeTrue(false, "PostgreSQL on 127.0.0.1:5432 (user postgres, trust) is not running: start it (.ci/run does) to run this test. "
          + e.getMessage());
      throw new IllegalStateException(e);
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
