package dev.greenroom.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.test.base.RecordingMetrics;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each plugin's pool is reported from HikariCP's MXBean at each collection (docs/metrics.md). */
class PoolMetricsTest {
  @TempDir Path dir;

  private DatabaseManager manager() {
    Map<String, Object> db = Map.of(
        "client", "h2",
        "connection", Map.of("directory", dir.toString()),
        "plugin", Map.of("todo", Map.of("knexConfig", Map.of("pool", Map.of("max", 3)))));
    return new DatabaseManager(new MapConfig(Map.of("backend", Map.of("database", db)), "test config"));
  }

  @Test
  void usedIdleMaxAndPendingConnectionsPerPlugin() throws Exception {
    RecordingMetrics metrics = new RecordingMetrics();
    try (DatabaseManager manager = manager()) {
      PoolMetrics pools = new PoolMetrics(() -> List.of(manager));
      pools.bind(metrics);
      manager.forPlugin("unused"); // no pool until its first getClient(): not reported
      try (Connection c = manager.forPlugin("todo").getClient().getConnection()) {
        assertTrue(c.isValid(1));
        Map<String, Double> connections = metrics.observe(PoolMetrics.CONNECTIONS);
        assertEquals(1.0, connections.get("greenroom.database.connections{plugin=todo, state=used}"), connections.toString());
        assertEquals(List.of("greenroom.database.connections{plugin=todo, state=idle}", "greenroom.database.connections{plugin=todo, state=used}"),
            List.copyOf(connections.keySet()));
        assertEquals(Map.of("greenroom.database.connections.max{plugin=todo}", 3.0), metrics.observe(PoolMetrics.MAX));
        assertEquals(Map.of("greenroom.database.connections.pending{plugin=todo}", 0.0), metrics.observe(PoolMetrics.PENDING));
      }
      assertEquals(0.0, metrics.observe(PoolMetrics.CONNECTIONS).get("greenroom.database.connections{plugin=todo, state=used}"));

      pools.unbind(new RecordingMetrics()); // another service's unbind leaves this one bound
      assertEquals(3, metrics.allCallbacks().size());
      pools.unbind(metrics);
      assertTrue(metrics.allCallbacks().isEmpty(), "no callback keeps this bundle's pools");
    }
  }

  @Test
  void aClosedPluginDatabaseIsNoLongerReported() throws Exception {
    RecordingMetrics metrics = new RecordingMetrics();
    try (DatabaseManager manager = manager()) {
      new PoolMetrics(() -> List.of(manager)).bind(metrics);
      PluginDatabase db = manager.pluginDatabase("todo");
      db.getClient().getConnection().close();
      assertEquals(2, metrics.observe(PoolMetrics.CONNECTIONS).size());
      db.close();
      assertEquals(Map.of(), metrics.observe(PoolMetrics.CONNECTIONS));
    }
  }
}
