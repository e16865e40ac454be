package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.UpDownCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;

/** An up-down counter: a sum per attribute set, exported as a Prometheus gauge. */
final class UpDownInstrument implements UpDownCounter {
  private final Series<DoubleAdder> series;
  private final MeterRegistry registry;
  private final String name;
  private final MetricOptions options;

  UpDownInstrument(MeterRegistryMetrics root, String name, MetricOptions options, Tags fixed, String owner) {
    this.registry = root.registry;
    this.name = name;
    this.options = options;
    this.series = root.series(name, fixed, owner);
  }

  @Override
  public void add(double value, Map<String, ?> attributes) {
    series.get(attributes, tags -> {
      DoubleAdder sum = new DoubleAdder();
      Gauge.builder(name, sum, DoubleAdder::sum)
          .description(options.description())
          .baseUnit(Units.baseUnit(options.unit()))
          .tags(tags)
          .strongReference(true)
          .register(registry);
      return sum;
    }).add(value);
  }
}
