package dev.greenroom.database.internal;

import java.sql.SQLException;
import javax.sql.DataSource;

/** One database engine: prepares a plugin's database and hands out an unpooled DataSource for it. */
interface Connector {
  /** Creates the plugin's database or schema when missing and allowed; connects at least once. */
  void prepare(PluginDatabaseSettings settings) throws SQLException;

  /** A plain (unpooled) DataSource onto the plugin's database; the pool wraps it. */
  DataSource dataSource(PluginDatabaseSettings settings);

  /** Releases what the database holds beyond its connections (in-memory H2 data), on close. */
  default void dispose(DataSource pooled, PluginDatabaseSettings settings) {}

  /** Whether {@code e} means "server not reachable yet" (retry) rather than a lasting fault. */
  static boolean isTransient(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      String state = s.getSQLState();
      // 08: connection exception; 57P03: cannot connect now (starting up); 53300: too many connections
      if (state != null && (state.startsWith("08") || state.equals("57P03") || state.equals("53300"))) {
        return true;
      }
      if (s.getNextException() == s) {
        break;
      }
    }
    return false;
  }
}
