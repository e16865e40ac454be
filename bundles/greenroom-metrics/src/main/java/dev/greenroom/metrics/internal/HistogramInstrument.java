package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.Histogram;
import dev.greenroom.backend.api.metrics.MetricOptions;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;

/**
 * A histogram: Micrometer's distribution summary with explicit buckets ({@code _bucket}, {@code
 * _count}, {@code _sum} in Prometheus). The buckets are the advice's, else OpenTelemetry's default
 * explicit bucket boundaries (opentelemetry-specification, metrics/sdk.md, "Explicit Bucket
 * Histogram Aggregation"), as upstream's OpenTelemetry meter would use.
 */
final class HistogramInstrument implements Histogram {
  static final List<Double> DEFAULT_BUCKETS =
      List.of(0d, 5d, 10d, 25d, 50d, 75d, 100d, 250d, 500d, 750d, 1000d, 2500d, 5000d, 7500d, 10000d);

  private final Series<DistributionSummary> series;
  private final MeterRegistry registry;
  private final String name;
  private final MetricOptions options;
  private final double[] buckets;

  HistogramInstrument(MeterRegistry registry, String name, MetricOptions options, Tags fixed, String owner) {
    this.registry = registry;
    this.series = new Series<>(registry, name, fixed, owner);
    List<Double> buckets = options.advice() == null || options.advice().explicitBucketBoundaries() == null
        ? DEFAULT_BUCKETS
        : options.advice().explicitBucketBoundaries();
    this.name = name;
    this.options = options;
    this.buckets = buckets.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public void record(double value, Map<String, ?> attributes) {
    series.get(attributes, tags -> DistributionSummary.builder(name)
        .description(options.description())
        .baseUnit(Units.baseUnit(options.unit()))
        .serviceLevelObjectives(buckets)
        .tags(tags) // a builder per series: Micrometer's builders add tags up
        .register(registry)).record(value);
  }
}
