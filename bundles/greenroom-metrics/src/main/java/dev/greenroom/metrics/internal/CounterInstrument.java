package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.Counter;
import dev.greenroom.backend.api.metrics.MetricOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;

/** A counter: Micrometer's counter per attribute set ({@code <name>_total} in Prometheus). */
final class CounterInstrument implements Counter {
  private final String name;
  private final String owner;
  private final Series<io.micrometer.core.instrument.Counter> series;
  private final MetricOptions options;
  private final MeterRegistry registry;

  CounterInstrument(MeterRegistryMetrics root, String name, MetricOptions options, Tags fixed, String owner) {
    this.registry = root.registry;
    this.name = name;
    this.owner = owner;
    this.series = root.series(name, fixed, owner);
    this.options = options;
  }

  @Override
  public void add(double value, Map<String, ?> attributes) {
    if (value < 0 || Double.isNaN(value)) {
      throw new IllegalArgumentException(
          "Counter '" + name + "' of " + owner + " only goes up: cannot add " + value);
    }
    series.get(attributes, tags -> io.micrometer.core.instrument.Counter.builder(name)
        .description(options.description())
        .baseUnit(Units.baseUnit(options.unit()))
        .tags(tags) // a builder per series: Micrometer's builders add tags up
        .register(registry)).increment(value);
  }
}
