package dev.greenroom.database.internal;

import dev.greenroom.backend.api.services.DatabaseService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A lock around a whole migration run, baseline included. Flyway's own lock only covers migrating
 * once the history table exists: two instances that both find it missing race on creating and
 * baselining it, and the loser fails with "Unable to baseline schema history table ... already
 * exists, and is empty".
 *
 * <p>PostgreSQL: a session advisory lock (per database, released if the instance dies) taken on a
 * connection of its own outside the pool, so a pool of one connection still leaves Flyway one.
 * H2 is embedded, so only this JVM can reach its databases: a lock per database URL and table.
 */
public final class MigrationLock {
  private static final Map<String, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

  private MigrationLock() {}

  public static <T> T around(DatabaseService db, String historyTable, Supplier<T> work) {
    if (db instanceof PluginDatabase p && p.isPostgres()) {
      return advisory(p, historyTable, work);
    }
    ReentrantLock lock = LOCAL.computeIfAbsent(localKey(db, historyTable), k -> new ReentrantLock());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private static <T> T advisory(PluginDatabase p, String historyTable, Supplier<T> work) {
    try (Connection c = p.openUnpooledConnection()) {
      String key = "greenroom.migrations:" + (p.schema() == null ? "" : p.schema()) + "." + historyTable;
      try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
        st.setString(1, key);
        st.execute();
      }
      try {
        return work.get();
      } finally {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
          st.setString(1, key);
          st.execute();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the migration lock of plugin '" + p.pluginId()
          + "' (history table '" + historyTable + "'): " + e.getMessage(), e);
    }
  }

  private static String localKey(DatabaseService db, String historyTable) {
    try (Connection c = db.getClient().getConnection()) {
      return c.getMetaData().getURL() + "#" + historyTable;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not reach the database to migrate it: " + e.getMessage(), e);
    }
  }
}
