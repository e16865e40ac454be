package dev.greenroom.database.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which migration locations each plugin ran ({@code Migrations.run}), so that they can be inspected
 * and repaired from outside the plugin ({@link MigrationHistories}). One entry per plugin and history
 * table (the plugin's own, one per module); a later run replaces it (an updated bundle's scripts).
 * The bundle's class loader is held weakly: an uninstalled plugin bundle stays collectable
 * (docs/live-plugins.md: nothing of an uninstalled bundle stays reachable).
 */
public final class MigrationRuns {
  /** One recorded run. */
  public record Run(String pluginId, WeakReference<ClassLoader> loader, String location, String prefix, String historyTable) {}

  private static final Map<String, Map<String, Run>> RUNS = new ConcurrentHashMap<>();

  private MigrationRuns() {}

  public static void record(String pluginId, ClassLoader loader, String location, String prefix, String historyTable) {
    RUNS.computeIfAbsent(pluginId, id -> new ConcurrentHashMap<>())
        .put(historyTable, new Run(pluginId, new WeakReference<>(loader), location, prefix, historyTable));
  }

  /** The plugin's runs, its own history table first, then its modules' by table name. */
  public static List<Run> of(String pluginId) {
    List<Run> runs = new ArrayList<>(RUNS.getOrDefault(pluginId, Map.of()).values());
    runs.sort((a, b) -> a.prefix() == null ? -1 : b.prefix() == null ? 1 : a.historyTable().compareTo(b.historyTable()));
    return runs;
  }
}
