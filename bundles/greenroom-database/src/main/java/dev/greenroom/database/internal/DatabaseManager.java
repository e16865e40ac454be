package dev.greenroom.database.internal;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.database.status.DatabaseState;
import dev.greenroom.database.status.DatabaseStatus;
import dev.greenroom.database.status.DatabaseStatusService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The root context of {@code core.database}: reads {@code backend.database} once, hands each
 * plugin its own {@link PluginDatabase} and closes them all on root shutdown. Plain Java.
 */
public final class DatabaseManager implements DatabaseStatusService, AutoCloseable {
  private final DatabaseSettings settings;
  private final Connector connector;
  private final Backoff backoff;
  private final Map<String, PluginDatabase> plugins = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** @throws IllegalArgumentException naming the config key when {@code backend.database} is wrong */
  public DatabaseManager(Config rootConfig) {
    this(rootConfig, Backoff.DEFAULT);
  }

  DatabaseManager(Config rootConfig, Backoff backoff) {
    this.settings = new DatabaseSettings(rootConfig);
    this.connector = settings.client() == DatabaseClient.PG
        ? new PgConnector()
        : new H2Connector(UUID.randomUUID().toString().substring(0, 8));
    this.backoff = backoff;
  }

  /**
   * The database service of {@code pluginId}. Cheap: nothing is opened until its first {@code
   * getClient()}. A plugin that was stopped (its database closed) gets a fresh one on restart.
   */
  public DatabaseService forPlugin(String pluginId) {
    return pluginDatabase(pluginId);
  }

  // synchronized with close(): a plugin database created while the manager closes would never be closed
  synchronized PluginDatabase pluginDatabase(String pluginId) {
    if (closed) {
      throw new IllegalStateException("The database manager is closed");
    }
    PluginDatabaseSettings pluginSettings = settings.forPlugin(pluginId);
    return plugins.compute(pluginId, (id, old) ->
        old == null || old.isClosed() ? new PluginDatabase(pluginSettings, connectorFor(pluginSettings), backoff) : old);
  }

  private Connector connectorFor(PluginDatabaseSettings s) {
    if (s.client() == settings.client()) {
      return connector;
    }
    return s.client() == DatabaseClient.PG ? new PgConnector() : new H2Connector(UUID.randomUUID().toString().substring(0, 8));
  }

  /** The plugin databases handed out (for {@link PoolMetrics}). */
  java.util.Collection<PluginDatabase> databases() {
    return plugins.values();
  }

  @Override
  public List<DatabaseStatus> statuses() {
    List<DatabaseStatus> out = new ArrayList<>();
    plugins.values().forEach(p -> out.add(p.status()));
    out.sort(Comparator.comparing(DatabaseStatus::pluginId));
    return out;
  }

  @Override
  public Optional<DatabaseStatus> status(String pluginId) {
    return Optional.ofNullable(plugins.get(pluginId)).map(PluginDatabase::status);
  }

  @Override
  public long openPools() {
    return plugins.values().stream().filter(p -> p.status().state() == DatabaseState.READY).count();
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    closed = true;
    plugins.values().forEach(PluginDatabase::close);
  }
}
