package dev.greenroom.database.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL: a database per plugin ({@code <prefix><pluginId>}) or a schema per plugin, created
 * when missing unless {@code ensureExists: false}. Creating is race-safe: two backends starting
 * together both succeed.
 */
final class PgConnector implements Connector {
  /** The maintenance database that {@code CREATE DATABASE} runs from, as in Backstage. */
  static final String ADMIN_DATABASE = "postgres";
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  @Override
  public void prepare(PluginDatabaseSettings s) throws SQLException {
    if (s.schema() == null) {
      if (s.ensureExists()) {
        ensureDatabase(s);
      }
      try (Connection c = dataSource(s).getConnection()) {
        // proves the database is there and the credentials work
      }
      return;
    }
    try (Connection c = raw(s, s.databaseName()).getConnection()) {
      if (s.ensureExists()) {
        try (Statement st = c.createStatement()) {
          st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(s.schema()));
        } catch (SQLException e) {
          // 23505/42P06: another backend created it between the check and the insert
          if (!"23505".equals(e.getSQLState()) && !"42P06".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    }
  }

  private void ensureDatabase(PluginDatabaseSettings s) throws SQLException {
    try (Connection c = raw(s, ADMIN_DATABASE).getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, s.databaseName());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + quote(s.databaseName()));
      } catch (SQLException e) {
        // 42P04 duplicate_database, 23505 unique violation: a concurrent backend won the race
        if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
          throw e;
        }
      }
    }
  }

  @Override
  public DataSource dataSource(PluginDatabaseSettings s) {
    PGSimpleDataSource ds = raw(s, s.databaseName());
    if (s.schema() != null) {
      ds.setCurrentSchema(PLAIN_IDENTIFIER.matcher(s.schema()).matches() ? s.schema() : quote(s.schema()));
    }
    return ds;
  }

  private static PGSimpleDataSource raw(PluginDatabaseSettings s, String database) {
    PgConnection pg = s.pg();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(pg.jdbcUrl(database));
    for (Map.Entry<String, String> e : pg.properties().entrySet()) {
      try {
        ds.setProperty(e.getKey(), e.getValue());
      } catch (SQLException ex) {
        throw new IllegalArgumentException(
            "Invalid database connection option '" + e.getKey() + "' at config key 'backend.database.connection."
                + e.getKey() + "': " + ex.getMessage(), ex);
      }
    }
    if (pg.user() != null) {
      ds.setUser(pg.user());
    }
    if (pg.password() != null) {
      ds.setPassword(pg.password());
    }
    ds.setApplicationName("greenroom:" + s.pluginId());
    return ds;
  }

  /** A double-quoted SQL identifier. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
