package dev.greenroom.backend.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.metrics.MetricsRefs;
import dev.greenroom.backend.test.base.RecordingMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plugin that measures itself starts on a test backend, and the test reads what it recorded. */
class MockMetricsTest {
  @Test
  void aPluginsCountersAreRecordedPerPlugin() {
    BackendPlugin plugin = BackendPlugin.create("todo", env -> env.registerInit(MetricsRefs.METRICS, metrics -> {
      metrics.createCounter("todo.items.added").add(2, Map.of("list", "inbox"));
      metrics.createCounter("todo.items.added").add(1, Map.of("list", "inbox"));
    }));
    try (TestBackend backend = TestBackend.start(plugin)) {
      RecordingMetrics recorded = (RecordingMetrics) backend.service(MetricsRefs.METRICS, "todo");
      assertEquals(3.0, recorded.sum("todo.items.added", Map.of("list", "inbox")));
    }
  }
}
