package dev.greenroom.backend.api.metrics;

import dev.greenroom.backend.api.ServiceRef;

/**
 * The ref of the metrics service: Backstage's alpha {@code metricsServiceRef}
 * (packages/backend-plugin-api/src/alpha/refs.ts in backstage/backstage), id {@code
 * alpha.core.metrics}, plugin-scoped. Implemented by the greenroom-metrics bundle.
 */
public final class MetricsRefs {
  private MetricsRefs() {}

  /** {@code alpha.core.metrics}: the plugin's {@link MetricsService}. */
  public static final ServiceRef<MetricsService> METRICS =
      ServiceRef.create("alpha.core.metrics", MetricsService.class);
}
