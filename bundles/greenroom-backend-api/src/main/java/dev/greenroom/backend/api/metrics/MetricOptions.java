package dev.greenroom.backend.api.metrics;

import java.util.List;

/**
 * Options of an instrument, Backstage's {@code MetricOptions}: a description (the Prometheus
 * {@code # HELP} line), a unit (UCUM, as OpenTelemetry: {@code s}, {@code ms}, {@code By}, {@code
 * 1}; it becomes the Prometheus name's unit suffix) and advice (a histogram's bucket boundaries).
 * Each may be null.
 *
 * @param description what the metric measures
 * @param unit the unit of the values
 * @param advice aggregation hints
 */
public record MetricOptions(String description, String unit, MetricAdvice advice) {
  /** No description, unit or advice. */
  public static final MetricOptions NONE = new MetricOptions(null, null, null);

  /** A description and a unit. */
  public static MetricOptions of(String description, String unit) {
    return new MetricOptions(description, unit, null);
  }

  /** These options with a histogram's explicit bucket boundaries (ascending). */
  public MetricOptions withBuckets(List<Double> explicitBucketBoundaries) {
    return new MetricOptions(description, unit, new MetricAdvice(explicitBucketBoundaries));
  }
}
