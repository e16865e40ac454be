package dev.greenroom.database.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Embedded H2: one database per plugin, a file {@code <directory>/<pluginId>.mv.db} or an
 * in-memory database private to this manager. PostgreSQL compatibility mode, so one set of
 * migration scripts serves both engines.
 */
final class H2Connector implements Connector {
  // Lower-case unquoted names and PostgreSQL's NULL ordering, as H2's docs advise for PG mode.
  /**
   * PostgreSQL's dialect, and DB_CLOSE_ON_EXIT=FALSE: H2's own JVM shutdown hook closed the database
   * while the backend's shutdown (a JVM shutdown hook too, run at the same time) still had plugins
   * initialising or running their shutdown hooks on it ("Database is already closed" at a SIGTERM
   * during startup; H2ExitTest). The runtime closes each pool itself ({@link #dispose}).
   */
  private static final String MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
  private final String instanceId;

  /** @param instanceId makes in-memory database names unique to one manager (one backend). */
  H2Connector(String instanceId) {
    this.instanceId = instanceId;
  }

  @Override
  public void prepare(PluginDatabaseSettings s) throws SQLException {
    if (!s.inMemory()) {
      try {
        Files.createDirectories(s.h2Directory());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot create the database directory " + s.h2Directory().toAbsolutePath()
                + " (config key 'backend.database.connection.directory')", e);
      }
    }
    try (Connection c = dataSource(s).getConnection()) {
      // opening creates the database
    }
  }

  @Override
  public DataSource dataSource(PluginDatabaseSettings s) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url(s));
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }

  String url(PluginDatabaseSettings s) {
    if (s.inMemory()) {
      // DB_CLOSE_DELAY=-1: the data lives while the pool idles; dispose() shuts it down.
      return "jdbc:h2:mem:greenroom-" + instanceId + "-" + s.pluginId() + ";DB_CLOSE_DELAY=-1" + MODE;
    }
    return "jdbc:h2:file:" + s.h2Directory().toAbsolutePath().normalize().resolve(s.pluginId()) + MODE;
  }

  /**
   * Shuts the database down, in memory or on disk. A file database would close with its last
   * connection, but a connection a plugin leaked keeps the file (and its lock) open until the
   * pool's forced close gets to it: the next framework in the same JVM would then find the
   * database "already in use". SHUTDOWN closes every session at once.
   */
  @Override
  public void dispose(DataSource pooled, PluginDatabaseSettings s) {
    try (Connection c = pooled.getConnection(); Statement st = c.createStatement()) {
      st.execute("SHUTDOWN");
    } catch (SQLException e) {
      // already gone: nothing left to free
    }
  }
}
