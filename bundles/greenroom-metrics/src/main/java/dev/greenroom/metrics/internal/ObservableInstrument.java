package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.Observable;
import dev.greenroom.backend.api.metrics.ObservableCallback;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An observable instrument: at each collection its callbacks report values per attribute set; a
 * series no callback reported this time leaves the registry (as OpenTelemetry drops unobserved
 * attribute sets of an asynchronous instrument). Counters are exported as Prometheus counters,
 * up-down counters and gauges as gauges.
 */
final class ObservableInstrument implements Observable {
  private final MeterRegistry registry;
  private final String name;
  private final Kind kind;
  private final MetricOptions options;
  private final Tags fixed;
  private final String owner;
  private final Set<ObservableCallback> callbacks = new CopyOnWriteArraySet<>();
  /** Written only by {@link #collect()} and {@link #close()}, under the registry's collection lock. */
  private final Map<Tags, Value> series = new HashMap<>();

  private record Value(AtomicLong bits, Meter meter) {}

  ObservableInstrument(MeterRegistry registry, String name, Kind kind, MetricOptions options, Tags fixed, String owner) {
    this.registry = registry;
    this.name = name;
    this.kind = kind;
    this.options = options;
    this.fixed = fixed;
    this.owner = owner;
  }

  String name() {
    return name;
  }

  String owner() {
    return owner;
  }

  @Override
  public void addCallback(ObservableCallback callback) {
    callbacks.add(callback);
  }

  @Override
  public void removeCallback(ObservableCallback callback) {
    callbacks.remove(callback);
  }

  /** Runs the callbacks and updates the series; a failing callback's exception propagates after the others ran. */
  synchronized void collect() {
    Set<Tags> seen = new HashSet<>();
    RuntimeException failure = null;
    for (ObservableCallback callback : callbacks) {
      try {
        callback.observe((value, attributes) -> {
          Tags tags = Attributes.tags(attributes, fixed);
          seen.add(tags);
          series.computeIfAbsent(tags, this::register).bits().set(Double.doubleToLongBits(value));
        });
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    series.entrySet().removeIf(e -> {
      if (seen.contains(e.getKey())) {
        return false;
      }
      registry.remove(e.getValue().meter());
      return true;
    });
    if (failure != null) {
      throw failure;
    }
  }

  private Value register(Tags tags) {
    AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    String unit = Units.baseUnit(options.unit());
    Meter meter;
    if (kind == Kind.OBSERVABLE_COUNTER) {
      meter = FunctionCounter.builder(name, bits, b -> Double.longBitsToDouble(b.get()))
          .description(options.description()).baseUnit(unit).tags(tags).register(registry);
    } else {
      meter = Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get()))
          .description(options.description()).baseUnit(unit).tags(tags).strongReference(true).register(registry);
    }
    return new Value(bits, meter);
  }

  /** The owner stopped: no callback runs again, and the series leave the registry. */
  synchronized void close() {
    callbacks.clear();
    series.values().forEach(v -> registry.remove(v.meter()));
    series.clear();
  }
}
