package dev.greenroom.database.internal.osgi;

import dev.greenroom.database.internal.DatabaseManager;
import dev.greenroom.database.status.DatabaseStatus;
import dev.greenroom.database.status.DatabaseStatusService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The status of the backend's current database manager; empty before the backend starts. */
final class CurrentDatabaseStatus implements DatabaseStatusService {
  private final AtomicReference<DatabaseManager> manager = new AtomicReference<>();

  void set(DatabaseManager m) {
    manager.set(m);
  }

  DatabaseManager get() {
    return manager.get();
  }

  @Override
  public List<DatabaseStatus> statuses() {
    DatabaseManager m = manager.get();
    return m == null ? List.of() : m.statuses();
  }

  @Override
  public Optional<DatabaseStatus> status(String pluginId) {
    DatabaseManager m = manager.get();
    return m == null ? Optional.empty() : m.status(pluginId);
  }
}
