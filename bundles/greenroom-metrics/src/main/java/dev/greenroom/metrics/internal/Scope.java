package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.Counter;
import dev.greenroom.backend.api.metrics.Gauge;
import dev.greenroom.backend.api.metrics.Histogram;
import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.Observable;
import dev.greenroom.backend.api.metrics.UpDownCounter;
import io.micrometer.core.instrument.Tags;

/**
 * Creates instruments on the root registry with a scope's fixed tags (none for the runtime, {@code
 * plugin=<id>} for a plugin); {@code owner} names the scope in error messages.
 */
abstract class Scope {
  private final Tags fixed;
  private final String owner;

  Scope(Tags fixed, String owner) {
    this.fixed = fixed;
    this.owner = owner;
  }

  abstract MeterRegistryMetrics root();

  /** Called for every observable this scope creates (a plugin removes them when it stops). */
  void created(ObservableInstrument o) {}

  public Counter createCounter(String name, MetricOptions options) {
    root().claim(name, Kind.COUNTER, owner);
    return new CounterInstrument(root(), name, options(options), fixed, owner);
  }

  public UpDownCounter createUpDownCounter(String name, MetricOptions options) {
    root().claim(name, Kind.UP_DOWN_COUNTER, owner);
    return new UpDownInstrument(root(), name, options(options), fixed, owner);
  }

  public Histogram createHistogram(String name, MetricOptions options) {
    root().claim(name, Kind.HISTOGRAM, owner);
    return new HistogramInstrument(root(), name, options(options), fixed, owner);
  }

  public Gauge createGauge(String name, MetricOptions options) {
    root().claim(name, Kind.GAUGE, owner);
    return new GaugeInstrument(root(), name, options(options), fixed, owner);
  }

  public Observable createObservableCounter(String name, MetricOptions options) {
    return observable(name, Kind.OBSERVABLE_COUNTER, options);
  }

  public Observable createObservableUpDownCounter(String name, MetricOptions options) {
    return observable(name, Kind.OBSERVABLE_UP_DOWN_COUNTER, options);
  }

  public Observable createObservableGauge(String name, MetricOptions options) {
    return observable(name, Kind.OBSERVABLE_GAUGE, options);
  }

  private Observable observable(String name, Kind kind, MetricOptions options) {
    root().claim(name, kind, owner);
    ObservableInstrument o = new ObservableInstrument(root().registry, name, kind, options(options), fixed, owner);
    root().add(o);
    created(o);
    return o;
  }

  private static MetricOptions options(MetricOptions options) {
    return options == null ? MetricOptions.NONE : options;
  }
}
