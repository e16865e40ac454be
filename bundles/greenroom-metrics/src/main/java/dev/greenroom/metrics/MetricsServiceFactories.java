package dev.greenroom.metrics;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.metrics.MetricsRefs;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.metrics.RootMetricsService;
import dev.greenroom.metrics.internal.MetricsPlugin;
import java.util.List;

/**
 * The metrics features, plain Java: the same ones the OSGi bundle registers. With a {@code
 * TestBackend}: {@code PrometheusMetrics metrics = PrometheusMetrics.create();} then add each of
 * {@code MetricsServiceFactories.features(metrics)} and read {@code metrics.scrape()}.
 */
public final class MetricsServiceFactories {
  private MetricsServiceFactories() {}

  /** The {@code alpha.core.metrics} factory and plugin {@code metrics} (the endpoint). */
  public static List<BackendFeature> features(PrometheusMetrics metrics) {
    return List.of(metrics(metrics), endpoint(metrics));
  }

  /**
   * {@code alpha.core.metrics}: the plugin's scope of {@code root} ({@code plugin=<id>} on every
   * series). When the plugin instance stops, its observable callbacks are removed.
   */
  public static ServiceFactory<MetricsService> metrics(RootMetricsService root) {
    return ServiceFactory.of(MetricsRefs.METRICS)
        .deps(CoreServices.PLUGIN_METADATA, CoreServices.LIFECYCLE)
        .factory(deps -> {
          MetricsService scope = root.forPlugin(deps.get(CoreServices.PLUGIN_METADATA).getId());
          if (scope instanceof AutoCloseable closeable) {
            deps.get(CoreServices.LIFECYCLE).addShutdownHook(closeable::close);
          }
          return scope;
        });
  }

  /** Plugin {@code metrics}: {@code GET /api/metrics} in the Prometheus text format. */
  public static BackendFeature endpoint(PrometheusMetrics metrics) {
    return new MetricsPlugin(metrics);
  }
}
