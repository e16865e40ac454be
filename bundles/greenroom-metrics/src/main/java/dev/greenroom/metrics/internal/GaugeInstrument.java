package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.Gauge;
import dev.greenroom.backend.api.metrics.MetricOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A gauge: the last value recorded per attribute set (kept as the bits of a double). */
final class GaugeInstrument implements Gauge {
  private final Series<AtomicLong> series;
  private final MeterRegistry registry;
  private final String name;
  private final MetricOptions options;

  GaugeInstrument(MeterRegistryMetrics root, String name, MetricOptions options, Tags fixed, String owner) {
    this.registry = root.registry;
    this.name = name;
    this.options = options;
    this.series = root.series(name, fixed, owner);
  }

  @Override
  public void record(double value, Map<String, ?> attributes) {
    series.get(attributes, tags -> {
      AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
      io.micrometer.core.instrument.Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get()))
          .description(options.description())
          .baseUnit(Units.baseUnit(options.unit()))
          .tags(tags)
          .strongReference(true)
          .register(registry);
      return bits;
    }).set(Double.doubleToLongBits(value));
  }
}
