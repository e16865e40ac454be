package dev.greenroom.backend.test.base;

import dev.greenroom.backend.api.metrics.Counter;
import dev.greenroom.backend.api.metrics.Gauge;
import dev.greenroom.backend.api.metrics.Histogram;
import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.metrics.Observable;
import dev.greenroom.backend.api.metrics.ObservableCallback;
import dev.greenroom.backend.api.metrics.UpDownCounter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A metrics service that remembers what it was given, for the core-service bundles' tests of what
 * they measure: sums of counters and counts of histogram records by name and attributes, and the
 * callbacks of observables (run by {@link #observe}). Keys read {@code name{attr=value, ...}}.
 */
public final class RecordingMetrics implements MetricsService {
  /** Counter sums, gauge values and histogram record counts by {@link #key}. */
  public final Map<String, Double> sums = new ConcurrentHashMap<>();
  private final Map<String, Set<ObservableCallback>> callbacks = new ConcurrentHashMap<>();

  /** {@code name{a=1, b=2}}: attributes sorted. */
  public static String key(String name, Map<String, ?> attributes) {
    return name + new TreeMap<>(attributes);
  }

  /** The sum of counter {@code name} (or the number of records of histogram {@code name}) for {@code attributes}. */
  public double sum(String name, Map<String, ?> attributes) {
    return sums.getOrDefault(key(name, attributes), 0d);
  }

  /** Runs the callbacks of observable {@code name}: what each attribute set reported. */
  public Map<String, Double> observe(String name) {
    Map<String, Double> out = new TreeMap<>();
    callbacks.getOrDefault(name, Set.of()).forEach(c -> c.observe((v, a) -> out.put(key(name, a), v)));
    return out;
  }

  private void add(String name, Map<String, ?> attributes, double value) {
    sums.merge(key(name, attributes), value, Double::sum);
  }

  @Override
  public Counter createCounter(String name, MetricOptions options) {
    return (value, attributes) -> add(name, attributes, value);
  }

  @Override
  public UpDownCounter createUpDownCounter(String name, MetricOptions options) {
    return (value, attributes) -> add(name, attributes, value);
  }

  @Override
  public Histogram createHistogram(String name, MetricOptions options) {
    return (value, attributes) -> add(name, attributes, 1);
  }

  @Override
  public Gauge createGauge(String name, MetricOptions options) {
    return (value, attributes) -> sums.put(key(name, attributes), value);
  }

  private Observable observable(String name) {
    Set<ObservableCallback> set = callbacks.computeIfAbsent(name, n -> new CopyOnWriteArraySet<>());
    return new Observable() {
      @Override
      public void addCallback(ObservableCallback callback) {
        set.add(callback);
      }

      @Override
      public void removeCallback(ObservableCallback callback) {
        set.remove(callback);
      }
    };
  }

  @Override
  public Observable createObservableCounter(String name, MetricOptions options) {
    return observable(name);
  }

  @Override
  public Observable createObservableUpDownCounter(String name, MetricOptions options) {
    return observable(name);
  }

  @Override
  public Observable createObservableGauge(String name, MetricOptions options) {
    return observable(name);
  }

  /** Every callback registered now, all names together. */
  public List<ObservableCallback> allCallbacks() {
    return callbacks.values().stream().flatMap(Set::stream).toList();
  }
}
