package dev.greenroom.database.internal;

import com.zaxxer.hikari.HikariPoolMXBean;
import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.metrics.Observable;
import dev.greenroom.backend.api.metrics.ObservableCallback;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each plugin's connection pool, read from HikariCP's pool MXBean at each scrape: connections in
 * use and idle, the pool's maximum, and requests waiting for a connection. The names follow
 * OpenTelemetry's database client conventions ({@code db.client.connection.count} with {@code
 * state} used/idle, {@code .max}, {@code .pending_requests}; semantic-conventions,
 * database/database-metrics.md) under {@code greenroom.database} (docs/metrics.md).
 *
 * <p>Bound to a metrics service while one is there ({@link #bind}), unbound when it goes: the
 * callbacks reference this bundle's pools, so they must not outlive it in another bundle's registry.
 */
public final class PoolMetrics {
  static final String CONNECTIONS = "greenroom.database.connections";
  static final String MAX = "greenroom.database.connections.max";
  static final String PENDING = "greenroom.database.connections.pending";

  private final Supplier<? extends Collection<DatabaseManager>> managers;
  private Bound bound;

  private record Bound(MetricsService to, List<Observable> observables, List<ObservableCallback> callbacks) {
    void close() {
      for (int i = 0; i < observables.size(); i++) {
        observables.get(i).removeCallback(callbacks.get(i));
      }
    }
  }

  /** Observes the pools of the managers {@code managers} gives (the backends running now). */
  public PoolMetrics(Supplier<? extends Collection<DatabaseManager>> managers) {
    this.managers = managers;
  }

  /** Reports on {@code metrics} from now on (instead of the one before, if any). */
  public synchronized void bind(MetricsService metrics) {
    unbind();
    Observable connections = metrics.createObservableUpDownCounter(CONNECTIONS,
        MetricOptions.of("Connections of each plugin's pool, by state: used (lent out) or idle", "{connection}"));
    Observable max = metrics.createObservableUpDownCounter(MAX,
        MetricOptions.of("The most connections each plugin's pool opens (backend.database knexConfig.pool.max)", "{connection}"));
    Observable pending = metrics.createObservableUpDownCounter(PENDING,
        MetricOptions.of("Threads of each plugin waiting for a connection of its pool now", "{request}"));
    ObservableCallback connectionsNow = r -> each((id, pool, db) -> {
      r.observe(pool.getActiveConnections(), Map.of("plugin", id, "state", "used"));
      r.observe(pool.getIdleConnections(), Map.of("plugin", id, "state", "idle"));
    });
    ObservableCallback maxNow = r -> each((id, pool, db) -> r.observe(db.maxPoolSize(), Map.of("plugin", id)));
    ObservableCallback pendingNow = r -> each((id, pool, db) -> r.observe(pool.getThreadsAwaitingConnection(), Map.of("plugin", id)));
    connections.addCallback(connectionsNow);
    max.addCallback(maxNow);
    pending.addCallback(pendingNow);
    bound = new Bound(metrics, List.of(connections, max, pending), List.of(connectionsNow, maxNow, pendingNow));
  }

  /** Stops reporting (the metrics service went away, or this bundle stops). */
  public synchronized void unbind() {
    if (bound != null) {
      bound.close();
      bound = null;
    }
  }

  /** Unbinds only if bound to {@code metrics} (an unbind of a service already replaced). */
  public synchronized void unbind(MetricsService metrics) {
    if (bound != null && bound.to() == metrics) {
      unbind();
    }
  }

  private interface PoolVisitor {
    void visit(String pluginId, HikariPoolMXBean pool, PluginDatabase db);
  }

  /** Every open pool of every running backend (a plugin whose database was never used has none). */
  private void each(PoolVisitor visitor) {
    for (DatabaseManager m : managers.get()) {
      for (PluginDatabase db : m.databases()) {
        HikariPoolMXBean pool = db.poolBean();
        if (pool != null) {
          visitor.visit(db.pluginId(), pool, db);
        }
      }
    }
  }
}
