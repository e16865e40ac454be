package dev.greenroom.database.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.greenroom.backend.api.errors.ServiceUnavailableError;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.MigrationsOptions;
import dev.greenroom.database.status.DatabaseState;
import dev.greenroom.database.status.DatabaseStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * One plugin's {@code core.database}: a HikariCP pool over the plugin's own database, opened on
 * the first {@link #getClient()} and closed by {@link #close()}.
 *
 * <p>An unreachable server does not fail the plugin: {@code getClient()} retries with backoff and
 * publishes {@link DatabaseState#UNAVAILABLE} with the reason meanwhile, then returns once the
 * server answers. Lasting faults (bad credentials, a missing database with {@code ensureExists:
 * false}) fail at once.
 */
final class PluginDatabase implements DatabaseService {
  private final PluginDatabaseSettings settings;
  private final Connector connector;
  private final Backoff backoff;
  private final Object lock = new Object();
  private final AtomicReference<DatabaseStatus> status;
  private volatile HikariDataSource pool;
  private boolean closed;

  PluginDatabase(PluginDatabaseSettings settings, Connector connector, Backoff backoff) {
    this.settings = settings;
    this.connector = connector;
    this.backoff = backoff;
    this.status = new AtomicReference<>(
        new DatabaseStatus(settings.pluginId(), DatabaseState.IDLE, settings.describe(), null, 0, Instant.now()));
  }

  String pluginId() {
    return settings.pluginId();
  }

  boolean isPostgres() {
    return settings.client() == DatabaseClient.PG;
  }

  String schema() {
    return settings.schema();
  }

  /** A connection of its own, outside the pool, e.g. to hold a session lock. */
  java.sql.Connection openUnpooledConnection() throws SQLException {
    getClient(); // the database exists and is reachable (waits like any first use)
    return connector.dataSource(settings).getConnection();
  }

  /** The pool's live counts, or null while no pool is open (for {@link PoolMetrics}). */
  com.zaxxer.hikari.HikariPoolMXBean poolBean() {
    HikariDataSource p = pool;
    return p == null || p.isClosed() ? null : p.getHikariPoolMXBean();
  }

  int maxPoolSize() {
    return Math.max(1, settings.maxPoolSize());
  }

  DatabaseStatus status() {
    return status.get();
  }

  boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  @Override
  public MigrationsOptions migrations() {
    return new MigrationsOptions(settings.skipMigrations());
  }

  @Override
  public DataSource getClient() {
    HikariDataSource p = pool;
    if (p != null) {
      return p;
    }
    synchronized (lock) {
      if (pool == null) {
        pool = open();
      }
      return pool;
    }
  }

  /** Runs under {@code lock}; waits on it between attempts so {@link #close()} can cut in. */
  private HikariDataSource open() {
    int attempts = 0;
    while (true) {
      checkOpen();
      attempts++;
      set(attempts == 1 ? DatabaseState.CONNECTING : status.get().state(), status.get().reason(), attempts);
      try {
        connector.prepare(settings);
        HikariDataSource ds = new HikariDataSource(poolConfig());
        set(DatabaseState.READY, null, attempts);
        return ds;
      } catch (SQLException e) {
        if (!Connector.isTransient(e)) {
          set(DatabaseState.FAILED, e.getMessage(), attempts);
          throw new IllegalStateException(
              "Could not open the database of plugin '" + settings.pluginId() + "' (" + settings.describe()
                  + "): " + e.getMessage(), e);
        }
        set(DatabaseState.UNAVAILABLE, e.getMessage(), attempts);
        waitBeforeRetry(backoff.delay(attempts));
      } catch (RuntimeException e) {
        set(DatabaseState.FAILED, String.valueOf(e.getMessage()), attempts);
        throw e;
      }
    }
  }

  private void waitBeforeRetry(Duration delay) {
    try {
      lock.wait(Math.max(1, delay.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while waiting for the database of plugin '" + settings.pluginId() + "'", e);
    }
  }

  private void checkOpen() {
    if (closed) {
      // 503, not 500: a request still waiting for the database when its plugin or the backend
      // stops meets a service that is going away, not a bug (Backstage's ServiceUnavailableError)
      throw new ServiceUnavailableError("The database of plugin '" + settings.pluginId() + "' is closed");
    }
  }

  private HikariConfig poolConfig() {
    HikariConfig c = new HikariConfig();
    c.setPoolName("greenroom-db-" + settings.pluginId());
    // A DataSource, not a driver class name: no DriverManager or class-by-name lookups under OSGi.
    c.setDataSource(connector.dataSource(settings));
    c.setMaximumPoolSize(Math.max(1, settings.maxPoolSize()));
    c.setMinimumIdle(settings.minIdle());
    // The database was just reached; a later outage must not make the pool unusable, so the pool
    // never fails on its own initial connection and recovers when the server is back.
    c.setInitializationFailTimeout(-1);
    // Backstage runs 'select 1' every 60 s on idle connections.
    c.setKeepaliveTime(Duration.ofSeconds(60).toMillis());
    if (settings.role() != null) {
      c.setConnectionInitSql("SET ROLE " + PgConnector.quote(settings.role()));
    }
    return c;
  }

  /** Closes the pool (if any); a later {@link #getClient()} fails. Idempotent. */
  void close() {
    HikariDataSource p;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
      p = pool;
      pool = null;
      set(DatabaseState.CLOSED, null, status.get().attempts());
    }
    if (p != null) {
      awaitReturned(p, CLOSE_WAIT_MILLIS);
      connector.dispose(p, settings);
      p.close();
    }
  }

  /** How long {@link #close()} waits for the connections in use to come back. */
  static final long CLOSE_WAIT_MILLIS = 5_000;

  /**
   * Waits (bounded) until no connection of {@code p} is in use. This close is a plugin shutdown
   * hook, and a plugin's shutdown hooks run concurrently (HookRunner, as Backstage's Promise.all):
   * the plugin's own hooks may still be writing, or closing what holds a connection (plugin
   * events' LISTEN connection and its readers' claims). HikariCP's close aborts connections in
   * use: the hook's last write is lost and each aborted connection is a "marked as broken ...
   * Socket closed" warning (seen at every replica's SIGTERM in the mixed-fleet suite,
   * docs/fleet.md). Backstage closes its pools on root shutdown, after every plugin's hooks
   * (backend-defaults DatabaseManager); here a plugin's pool also closes when that plugin restarts,
   * so the wait is per pool.
   */
  private static void awaitReturned(HikariDataSource p, long millis) {
    com.zaxxer.hikari.HikariPoolMXBean bean = p.getHikariPoolMXBean();
    if (bean == null) {
      return;
    }
    long end = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
    while (bean.getActiveConnections() > 0 && System.nanoTime() < end) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void set(DatabaseState state, String reason, int attempts) {
    DatabaseStatus old = status.get();
    Instant since = old.state() == state ? old.since() : Instant.now();
    status.set(new DatabaseStatus(settings.pluginId(), state, settings.describe(), reason, attempts, since));
  }
}
