package dev.greenroom.backend.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The databases of one test backend on the local PostgreSQL: a prefix of its own ({@code
 * gr_test_<random>_}), so each plugin gets a new database {@code gr_test_<random>_<pluginId>}
 * from greenroom-database's {@code ensureExists}, and all are dropped when the backend stops.
 */
final class PostgresDatabases {
  static final String HOST = "127.0.0.1";
  static final int PORT = 5432;
  static final String USER = "postgres";

  private final String prefix;

  private PostgresDatabases(String prefix) {
    this.prefix = prefix;
  }

  static PostgresDatabases create() {
    TestDatabases.requirePostgres();
    return new PostgresDatabases("gr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_");
  }

  /** {@code backend.database} for greenroom-database. */
  Map<String, Object> config() {
    return Map.of(
        "client", "pg",
        "prefix", prefix,
        "connection", Map.of("host", HOST, "port", PORT, "user", USER));
  }

  /** Drops every database of this prefix (connections still open are ended). */
  void dropAll() {
    try (Connection c = TestDatabases.adminConnection(); Statement st = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(
          "SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop the test databases " + prefix + "*: " + e.getMessage(), e);
    }
  }

  static Connection open(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER, "");
  }
}
