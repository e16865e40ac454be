package dev.greenroom.backend.test;

import dev.greenroom.backend.api.services.DatabaseService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for tests that talk to a {@code DataSource} without a backend, Backstage's {@code
 * TestDatabases} (packages/backend-test-utils/src/database/TestDatabases.ts): H2 in memory in the
 * runtime's own mode, or a fresh database on the local PostgreSQL. Each {@link TestDatabase} is new
 * and is gone (H2) or dropped (PostgreSQL) on {@link TestDatabase#close()}.
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabases.h2()) {
 *   Migrations.run(db.service(), getClass().getClassLoader(), "db/migration/todo", null);
 *   new TodoStore(db.dataSource()).add("milk");
 * }
 * }</pre>
 */
public final class TestDatabases {
  /**
   * The URL options greenroom-database opens H2 with (PostgreSQL mode, lower-case names,
   * PostgreSQL's NULL ordering); a test of this kit checks they still match.
   */
  static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private TestDatabases() {}

  /** A database open for the test. */
  public interface TestDatabase extends AutoCloseable {
    DataSource dataSource();

    /** As a plugin's {@code core.database} would give it, e.g. for {@code Migrations.run}. */
    default DatabaseService service() {
      return MockServices.database(dataSource());
    }

    @Override
    void close();
  }

  /** A private in-memory H2 database in the runtime's PostgreSQL mode. */
  public static TestDatabase h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_MODE);
    ds.setUser("sa");
    ds.setPassword("");
    return new TestDatabase() {
      @Override
      public DataSource dataSource() {
        return ds;
      }

      @Override
      public void close() {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
          st.execute("SHUTDOWN");
        } catch (SQLException e) {
          // already gone
        }
      }
    };
  }

  /**
   * A new database on the PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, no password),
   * dropped on close.
   *
   * @throws IllegalStateException naming the server when it is not reachable
   */
  public static TestDatabase postgres() {
    requirePostgres();
    String name = "gr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = adminConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {PostgresDatabases.HOST});
    ds.setPortNumbers(new int[] {PostgresDatabases.PORT});
    ds.setUser(PostgresDatabases.USER);
    ds.setDatabaseName(name);
    return new TestDatabase() {
      @Override
      public DataSource dataSource() {
        return ds;
      }

      @Override
      public void close() {
        try (Connection c = adminConnection(); Statement st = c.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
          throw new IllegalStateException("Could not drop test database " + name + ": " + e.getMessage(), e);
        }
      }
    };
  }

  /**
   * Whether the PostgreSQL at 127.0.0.1:5432 answers, for {@code
   * Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "start PostgreSQL on 127.0.0.1:5432")}.
   */
  public static boolean postgresAvailable() {
    try (Connection c = adminConnection()) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  static void requirePostgres() {
    try (Connection c = adminConnection()) {
      // reachable
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at " + PostgresDatabases.HOST + ":" + PostgresDatabases.PORT
              + " (user " + PostgresDatabases.USER + "): " + e.getMessage(), e);
    }
  }

  static Connection adminConnection() throws SQLException {
    return PostgresDatabases.open("postgres");
  }
}
