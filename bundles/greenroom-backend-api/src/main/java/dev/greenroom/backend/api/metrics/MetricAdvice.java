package dev.greenroom.backend.api.metrics;

import java.util.List;

/**
 * Hints for aggregation, Backstage's {@code MetricAdvice}: a histogram's explicit bucket boundaries.
 * Without them a histogram uses OpenTelemetry's default boundaries (0, 5, 10, 25, ... 10000).
 *
 * @param explicitBucketBoundaries ascending upper bounds of the buckets; null for the default
 */
public record MetricAdvice(List<Double> explicitBucketBoundaries) {
  /** Copies the boundaries. */
  public MetricAdvice {
    explicitBucketBoundaries = explicitBucketBoundaries == null ? null : List.copyOf(explicitBucketBoundaries);
  }
}
