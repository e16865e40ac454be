package dev.greenroom.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.metrics.Counter;
import dev.greenroom.backend.api.metrics.Histogram;
import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.metrics.Observable;
import dev.greenroom.backend.api.metrics.ObservableCallback;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeterRegistryMetricsTest {
  private final MeterRegistryMetrics metrics = new MeterRegistryMetrics();

  private PrometheusText scrape() {
    return PrometheusText.parse(metrics.scrape());
  }

  @Test
  void aPluginCounterIsWrittenWithUnderscoresTotalHelpAndThePluginLabel() {
    Counter created = metrics.forPlugin("todo").createCounter("todo.items.added", MetricOptions.of("Items created", null));
    created.add(2, Map.of("kind", "note"));
    created.add(1, Map.of("kind", "note"));
    created.add(1);

    PrometheusText text = scrape();
    assertEquals(3.0, text.value("todo_items_added_total", "kind", "note", "plugin", "todo"));
    assertEquals(1.0, text.value("todo_items_added_total", "plugin", "todo"));
    assertEquals("counter", text.types.get("todo_items_added_total"));
    assertEquals("Items created", text.help.get("todo_items_added_total"));
  }

  @Test
  void aPluginCannotWriteAnotherPluginsLabel() {
    metrics.forPlugin("todo").createCounter("shared.events").add(1, Map.of("plugin", "catalog"));
    PrometheusText text = scrape();
    assertEquals(1.0, text.value("shared_events_total", "plugin", "todo"));
    assertNull(text.value("shared_events_total", "plugin", "catalog"));
  }

  @Test
  void attributeValuesAreWrittenAsText() {
    metrics.createCounter("greenroom.things").add(1, Map.of("code", 200, "ok", true, "tags", List.of("a", "b")));
    assertEquals(1.0, scrape().value("greenroom_things_total", "code", "200", "ok", "true", "tags", "a,b"));
  }

  @Test
  void aHistogramInSecondsHasTheAdvisedBucketsCountAndSum() {
    Histogram h = metrics.createHistogram(
        "greenroom.job.duration", MetricOptions.of("Job time", "s").withBuckets(List.of(0.1, 1.0)));
    h.record(0.05, Map.of("job", "a"));
    h.record(0.5, Map.of("job", "a"));
    h.record(5, Map.of("job", "a"));

    PrometheusText text = scrape();
    assertEquals("histogram", text.types.get("greenroom_job_duration_seconds"));
    assertEquals(1.0, text.value("greenroom_job_duration_seconds_bucket", "job", "a", "le", "0.1"));
    assertEquals(2.0, text.value("greenroom_job_duration_seconds_bucket", "job", "a", "le", "1.0"));
    assertEquals(3.0, text.value("greenroom_job_duration_seconds_bucket", "job", "a", "le", "+Inf"));
    assertEquals(3.0, text.value("greenroom_job_duration_seconds_count", "job", "a"));
    assertEquals(5.55, text.value("greenroom_job_duration_seconds_sum", "job", "a"), 1e-9);
  }

  @Test
  void aHistogramWithoutAdviceHasOpenTelemetrysDefaultBuckets() {
    metrics.createHistogram("greenroom.sizes", MetricOptions.of(null, "By")).record(30);
    PrometheusText text = scrape();
    assertEquals(0.0, text.value("greenroom_sizes_bytes_bucket", "le", "25.0"));
    assertEquals(1.0, text.value("greenroom_sizes_bytes_bucket", "le", "50.0"));
    assertEquals(1.0, text.value("greenroom_sizes_bytes_bucket", "le", "10000.0"));
  }

  @Test
  void gaugesKeepTheLastValueAndUpDownCountersTheSum() {
    metrics.createGauge("greenroom.temperature").record(3, Map.of("room", "a"));
    metrics.createGauge("greenroom.temperature").record(7, Map.of("room", "a"));
    metrics.createUpDownCounter("greenroom.queue").add(5);
    metrics.createUpDownCounter("greenroom.queue").add(-2);

    PrometheusText text = scrape();
    assertEquals(7.0, text.value("greenroom_temperature", "room", "a"));
    assertEquals(3.0, text.value("greenroom_queue"));
    assertEquals("gauge", text.types.get("greenroom_queue"));
  }

  @Test
  void observableSeriesComeFromCallbacksAndLeaveWhenNoLongerObserved() {
    Observable pool = metrics.forPlugin("todo").createObservableGauge("todo.pool.size");
    int[] size = {4};
    ObservableCallback callback = r -> {
      if (size[0] > 0) {
        r.observe(size[0], Map.of("pool", "main"));
      }
    };
    pool.addCallback(callback);
    assertEquals(4.0, scrape().value("todo_pool_size", "plugin", "todo", "pool", "main"));
    size[0] = 9;
    assertEquals(9.0, scrape().value("todo_pool_size", "plugin", "todo", "pool", "main"));
    size[0] = 0;
    assertNull(scrape().value("todo_pool_size", "plugin", "todo", "pool", "main"));
    metrics.forPlugin("todo").createObservableCounter("todo.reads").addCallback(r -> r.observe(12));
    PrometheusText text = scrape();
    assertEquals(12.0, text.value("todo_reads_total", "plugin", "todo"));
    assertEquals("counter", text.types.get("todo_reads_total"));
  }

  @Test
  void aStoppedPluginsCallbacksNoLongerRunButItsCountersStay() {
    PluginScope first = metrics.forPlugin("todo");
    first.createObservableGauge("todo.open").addCallback(r -> r.observe(1));
    first.createCounter("todo.done").add(2);
    first.close();

    PrometheusText text = scrape();
    assertNull(text.value("todo_open", "plugin", "todo"));
    assertEquals(2.0, text.value("todo_done_total", "plugin", "todo"));

    // the next instance adds to the same series
    metrics.forPlugin("todo").createCounter("todo.done").add(1);
    assertEquals(3.0, scrape().value("todo_done_total", "plugin", "todo"));
  }

  @Test
  void aFailingCallbackLeavesTheOthersCollected() {
    metrics.createObservableGauge("greenroom.broken").addCallback(r -> {
      throw new IllegalStateException("boom");
    });
    metrics.createObservableGauge("greenroom.fine").addCallback(r -> r.observe(1));
    assertEquals(1.0, scrape().value("greenroom_fine"));
  }

  @Test
  void theJvmAndProcessMetersAreThereOnRequest() {
    assertNull(scrape().types.get("jvm_memory_used_bytes"));
    metrics.withJvmMetrics();
    PrometheusText text = scrape();
    assertEquals("gauge", text.types.get("jvm_memory_used_bytes"));
    assertTrue(text.value("jvm_threads_live_threads") > 0);
    assertTrue(text.samples.containsKey("process_uptime_seconds"), text.samples.keySet().toString());
  }

  @Test
  void oneNameHasOneKind() {
    metrics.forPlugin("todo").createCounter("todo.items");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> metrics.forPlugin("catalog").createHistogram("todo.items"));
    assertEquals("Metric 'todo.items' is already a counter; plugin 'catalog' cannot create it as a histogram", e.getMessage());
  }

  @Test
  void badNamesAndNegativeCountsAreRefusedNamingThePlugin() {
    MetricsService todo = metrics.forPlugin("todo");
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> todo.createCounter("1st"));
    assertTrue(name.getMessage().startsWith("Invalid metric name '1st' of plugin 'todo'"), name.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> todo.createCounter("todo.x").add(-1));
    assertEquals("Counter 'todo.x' of plugin 'todo' only goes up: cannot add -1.0", negative.getMessage());
  }

  @Test
  void seriesOfOneMetricMayHaveDifferentAttributeNames() {
    // Prometheus client 1.x takes it; two plugins using one name with their own attributes rely on it
    metrics.forPlugin("todo").createCounter("shared.mixed").add(1, Map.of("a", "1"));
    metrics.forPlugin("catalog").createCounter("shared.mixed").add(2, Map.of("b", "2"));
    PrometheusText text = scrape();
    assertEquals(1.0, text.value("shared_mixed_total", "a", "1", "plugin", "todo"));
    assertEquals(2.0, text.value("shared_mixed_total", "b", "2", "plugin", "catalog"));
  }
}
