package dev.greenroom.backend.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates metric instruments: Backstage's alpha {@code MetricsService}
 * (packages/backend-plugin-api/src/alpha/MetricsService.ts in backstage/backstage), a thin layer over
 * an OpenTelemetry-like meter. A plugin's instance is scoped to the plugin: every measurement carries
 * the plugin's id as the {@code plugin} label, so plugins cannot write each other's series.
 *
 * <p>Names are dot-separated, lower case ({@code todo.items.created}); the Prometheus endpoint
 * writes them with underscores and the usual suffixes ({@code todo_items_created_total}). Creating
 * an instrument twice with the same name and kind returns one that adds to the same series (a
 * restarted plugin keeps counting); the same name with another kind is refused with an {@link
 * IllegalArgumentException} naming the metric and both kinds.
 */
@ProviderType
public interface MetricsService {
  /** A counter: only non-negative increments. */
  Counter createCounter(String name, MetricOptions options);

  /** A counter that also goes down (in-flight work, queue length). */
  UpDownCounter createUpDownCounter(String name, MetricOptions options);

  /** A histogram: a distribution of recorded values (durations, sizes). */
  Histogram createHistogram(String name, MetricOptions options);

  /** A gauge: the last value recorded, per attribute set. */
  Gauge createGauge(String name, MetricOptions options);

  /** A counter whose sums are reported by callbacks at each collection. */
  Observable createObservableCounter(String name, MetricOptions options);

  /** An up-down counter whose sums are reported by callbacks at each collection. */
  Observable createObservableUpDownCounter(String name, MetricOptions options);

  /** A gauge whose values are reported by callbacks at each collection. */
  Observable createObservableGauge(String name, MetricOptions options);

  /** As {@link #createCounter(String, MetricOptions)} with no options. */
  default Counter createCounter(String name) {
    return createCounter(name, MetricOptions.NONE);
  }

  /** As {@link #createUpDownCounter(String, MetricOptions)} with no options. */
  default UpDownCounter createUpDownCounter(String name) {
    return createUpDownCounter(name, MetricOptions.NONE);
  }

  /** As {@link #createHistogram(String, MetricOptions)} with no options. */
  default Histogram createHistogram(String name) {
    return createHistogram(name, MetricOptions.NONE);
  }

  /** As {@link #createGauge(String, MetricOptions)} with no options. */
  default Gauge createGauge(String name) {
    return createGauge(name, MetricOptions.NONE);
  }

  /** As {@link #createObservableCounter(String, MetricOptions)} with no options. */
  default Observable createObservableCounter(String name) {
    return createObservableCounter(name, MetricOptions.NONE);
  }

  /** As {@link #createObservableUpDownCounter(String, MetricOptions)} with no options. */
  default Observable createObservableUpDownCounter(String name) {
    return createObservableUpDownCounter(name, MetricOptions.NONE);
  }

  /** As {@link #createObservableGauge(String, MetricOptions)} with no options. */
  default Observable createObservableGauge(String name) {
    return createObservableGauge(name, MetricOptions.NONE);
  }

  /**
   * A service that measures nothing: what a core-service bundle uses while no metrics bundle is
   * present, and a stand-in for tests.
   */
  static MetricsService noop() {
    return NoopMetrics.INSTANCE;
  }
}
