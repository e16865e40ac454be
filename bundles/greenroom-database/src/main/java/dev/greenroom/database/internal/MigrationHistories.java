package dev.greenroom.database.internal;

import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.database.migrations.MigrationHistoryDTO;
import dev.greenroom.database.migrations.MigrationHistoryService;
import dev.greenroom.database.migrations.Migrations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link MigrationHistoryService} over the runs {@link MigrationRuns} recorded and the backend's
 * current {@link DatabaseManager}: the plugin's database is opened the way the plugin gets it, also
 * when the plugin failed (its own database was closed then; the manager opens a fresh one, closed
 * with the backend). Plain Java.
 */
public final class MigrationHistories implements MigrationHistoryService {
  private final Supplier<DatabaseManager> manager;

  /** @param manager the backend's current database manager, or null while no backend runs */
  public MigrationHistories(Supplier<DatabaseManager> manager) {
    this.manager = manager;
  }

  @Override
  public List<MigrationHistoryDTO> info(String pluginId) {
    return each(pluginId, "inspect", Migrations::info);
  }

  @Override
  public List<MigrationHistoryDTO> repair(String pluginId) {
    return each(pluginId, "repair", Migrations::repair);
  }

  private interface Operation {
    MigrationHistoryDTO apply(DatabaseService db, ClassLoader loader, String location, String prefix);
  }

  private List<MigrationHistoryDTO> each(String pluginId, String verb, Operation operation) {
    List<MigrationRuns.Run> runs = MigrationRuns.of(pluginId);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("Plugin '" + pluginId + "' has run no migrations since the database bundle started"
          + " (a plugin's migrations are known once its init has called Migrations.run)");
    }
    DatabaseManager m = manager.get();
    if (m == null || m.isClosed()) {
      throw new IllegalStateException("Cannot " + verb + " the migrations of plugin '" + pluginId + "': no backend is running");
    }
    DatabaseService db = m.forPlugin(pluginId);
    List<MigrationHistoryDTO> out = new ArrayList<>();
    for (MigrationRuns.Run run : runs) {
      ClassLoader loader = run.loader().get();
      if (loader == null) {
        throw new IllegalArgumentException("Cannot " + verb + " the migrations of plugin '" + pluginId + "' from '"
            + run.location() + "': the bundle holding them is gone (install it again; its next start records them anew)");
      }
      out.add(operation.apply(db, loader, run.location(), run.prefix()));
    }
    return out;
  }
}
