package dev.greenroom.metrics;

import dev.greenroom.backend.api.metrics.RootMetricsService;
import dev.greenroom.metrics.internal.MeterRegistryMetrics;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A backend's metrics registry: the {@link RootMetricsService} the runtime measures through, the
 * plugin scopes of {@code alpha.core.metrics}, and the Prometheus text the endpoint serves. Built on
 * Micrometer's Prometheus registry, embedded in this bundle (docs/metrics.md says why).
 */
@ProviderType
public interface PrometheusMetrics extends RootMetricsService {
  /**
   * Runs the observable callbacks and writes every series in the Prometheus text format 0.0.4
   * ({@code text/plain; version=0.0.4}).
   */
  String scrape();

  /** A new, empty registry. */
  static PrometheusMetrics create() {
    return new MeterRegistryMetrics();
  }
}
