package dev.greenroom.fleet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The fleet's one PostgreSQL database on 127.0.0.1:5432 (user postgres, trust auth, as the project's other
 * PostgreSQL tests): {@code fleet_<random>}, created fresh for a run and dropped after it. Both replicas put
 * every plugin in a schema of it ({@code pluginDivisionMode: schema}).
 */
final class FleetDatabase implements AutoCloseable {
  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  final String name;

  private FleetDatabase(String name) {
    this.name = name;
  }

  static FleetDatabase create() throws SQLException {
    String name = "fleet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new SQLException("PostgreSQL on 127.0.0.1:5432 (user postgres) is needed by the fleet suite: " + e.getMessage(), e);
    }
    return new FleetDatabase(name);
  }

  /** The schemas the replicas made in it (one per plugin that uses core.database). */
  java.util.List<String> schemas() throws SQLException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT LIKE 'pg_%'"
            + " AND schema_name NOT IN ('information_schema', 'public') ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(ADMIN_URL, "postgres", "");
  }

  /** Drops it, with any connection a killed replica may have left (PostgreSQL 13+). */
  @Override
  public void close() throws SQLException {
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
