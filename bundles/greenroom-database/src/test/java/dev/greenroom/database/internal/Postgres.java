package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth). With CI=true an unreachable
 * server fails the test; elsewhere the test is skipped with a hint.
 */
final class Postgres {
  static final String HOST = "127.0.0.1";
  static final int PORT = 5432;
  static final String USER = "postgres";

  private Postgres() {}

  static void require() {
    try (Connection c = admin()) {
      // reachable
    } catch (SQLException e) {
      String why = "PostgreSQL on " + HOST + ":" + PORT + " (user postgres, trust) is not reachable: " + e.getMessage();
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      assumeTrue(false, why + " -- start it (.ci/run does) to run this test");
    }
  }

  static Connection admin() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, "");
  }

  /** The first column of every row of {@code sql} run in the maintenance database. */
  static java.util.List<String> adminQuery(String sql) throws SQLException {
    try (Connection c = admin(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
      var out = new java.util.ArrayList<String>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  /** A prefix unique to this test run, so parallel runs and leftovers never clash. */
  static String uniquePrefix() {
    return "grtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
  }

  static void dropDatabasesWithPrefix(String prefix) throws SQLException {
    var names = adminQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'");
    try (Connection c = admin(); Statement st = c.createStatement()) {
      for (String n : names) {
        st.execute("DROP DATABASE IF EXISTS \"" + n + "\" WITH (FORCE)");
      }
    }
  }
}
