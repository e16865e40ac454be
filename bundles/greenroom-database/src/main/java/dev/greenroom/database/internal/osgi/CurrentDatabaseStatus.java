package dev.greenroom.database.internal.osgi;

import dev.greenroom.database.internal.DatabaseManager;
import dev.greenroom.database.status.DatabaseStatus;
import dev.greenroom.database.status.DatabaseStatusService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status of the backend's current database manager (empty before the backend starts), and
 * every manager this bundle handed out that is still open, so that deactivation can close them:
 * a backend that never ran its root shutdown hooks (it stopped before root startup, or the
 * runtime went away first) must not leave pools, and H2 file locks, behind.
 */
final class CurrentDatabaseStatus implements DatabaseStatusService {
  private final List<DatabaseManager> open = new ArrayList<>();
  private DatabaseManager current;

  synchronized void set(DatabaseManager m) {
    open.removeIf(DatabaseManager::isClosed);
    open.add(m);
    current = m;
  }

  /** The managers still open (for the pool metrics). */
  synchronized List<DatabaseManager> openManagers() {
    open.removeIf(DatabaseManager::isClosed);
    return List.copyOf(open);
  }

  synchronized DatabaseManager get() {
    return current;
  }

  /** Closes every manager still open; returns how many it closed. */
  int closeAll() {
    List<DatabaseManager> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(open);
      open.clear();
    }
    int closed = 0;
    for (DatabaseManager m : toClose) {
      if (!m.isClosed()) {
        m.close();
        closed++;
      }
    }
    return closed;
  }

  @Override
  public List<DatabaseStatus> statuses() {
    DatabaseManager m = get();
    return m == null ? List.of() : m.statuses();
  }

  @Override
  public Optional<DatabaseStatus> status(String pluginId) {
    DatabaseManager m = get();
    return m == null ? Optional.empty() : m.status(pluginId);
  }
}
