package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.Histogram;
import dev.greenroom.backend.api.metrics.MetricOptions;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/**
 * A histogram with explicit buckets ({@code _bucket}, {@code _count}, {@code _sum} in Prometheus,
 * and Micrometer's {@code _max}). The buckets are the advice's, else OpenTelemetry's defaults
 * (opentelemetry-specification, metrics/sdk.md, "Explicit Bucket Histogram Aggregation"; for time
 * units, the seconds boundaries semantic-conventions advise for {@code http.server.request.duration}).
 *
 * <p>A time unit ({@code ns} to {@code d}) makes it a Micrometer timer, exported in seconds as
 * Prometheus wants ({@code <name>_seconds}): Micrometer's summaries round a recorded value up to a
 * whole number for their buckets, which would put every sub-second duration in the 1 s bucket.
 * Other units make a distribution summary (whole-number values bucket exactly).
 */
final class HistogramInstrument implements Histogram {
  static final List<Double> DEFAULT_BUCKETS =
      List.of(0d, 5d, 10d, 25d, 50d, 75d, 100d, 250d, 500d, 750d, 1000d, 2500d, 5000d, 7500d, 10000d);
  static final List<Double> DEFAULT_SECONDS_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1d, 2.5, 5d, 7.5, 10d);
  private static final Map<String, Double> NANOS_PER_UNIT = Map.of(
      "ns", 1d, "us", 1e3, "ms", 1e6, "s", 1e9, "min", 60e9, "h", 3600e9, "d", 86400e9);

  private final Series<DoubleConsumer> series;
  private final MeterRegistry registry;
  private final String name;
  private final MetricOptions options;
  private final Double nanosPerUnit;
  private final double[] buckets;

  HistogramInstrument(MeterRegistryMetrics root, String name, MetricOptions options, Tags fixed, String owner) {
    this.registry = root.registry;
    this.series = root.series(name, fixed, owner);
    this.name = name;
    this.options = options;
    this.nanosPerUnit = options.unit() == null ? null : NANOS_PER_UNIT.get(options.unit());
    List<Double> advised = options.advice() == null ? null : options.advice().explicitBucketBoundaries();
    List<Double> buckets = advised != null ? advised
        : nanosPerUnit != null ? DEFAULT_SECONDS_BUCKETS.stream().map(s -> s * 1e9 / nanosPerUnit).toList()
        : DEFAULT_BUCKETS;
    // Micrometer takes only positive boundaries; values at or below 0 still count in the first bucket
    this.buckets = buckets.stream().mapToDouble(Double::doubleValue).filter(b -> b > 0).sorted().toArray();
  }

  @Override
  public void record(double value, Map<String, ?> attributes) {
    series.get(attributes, nanosPerUnit != null ? this::timer : this::summary).accept(value);
  }

  private DoubleConsumer timer(Tags tags) {
    double perUnit = nanosPerUnit;
    Duration[] slos = Arrays.stream(buckets).mapToObj(b -> Duration.ofNanos(Math.round(b * perUnit))).toArray(Duration[]::new);
    Timer timer = Timer.builder(name)
        .description(options.description())
        .serviceLevelObjectives(slos)
        .minimumExpectedValue(slos.length == 0 ? null : slos[0])
        .maximumExpectedValue(slos.length == 0 ? null : slos[slos.length - 1])
        .tags(tags) // a builder per series: Micrometer's builders add tags up
        .register(registry);
    return value -> timer.record(Math.round(value * perUnit), TimeUnit.NANOSECONDS);
  }

  private DoubleConsumer summary(Tags tags) {
    DistributionSummary summary = DistributionSummary.builder(name)
        .description(options.description())
        .baseUnit(Units.baseUnit(options.unit()))
        .serviceLevelObjectives(buckets)
        .minimumExpectedValue(buckets.length == 0 ? null : buckets[0])
        .maximumExpectedValue(buckets.length == 0 ? null : buckets[buckets.length - 1])
        .tags(tags)
        .register(registry);
    return summary::record;
  }
}
