package dev.greenroom.metrics.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The series of one instrument, by attribute set: a measurement with attributes seen before finds
 * its meter without building tags again. {@code S} is what a series keeps (a meter, or a value
 * holder with its meter).
 */
final class Series<S> {
  private final MeterRegistry registry;
  private final String name;
  private final Tags fixed;
  private final String owner;
  private final Map<Map<String, ?>, S> byAttributes = new ConcurrentHashMap<>();

  Series(MeterRegistry registry, String name, Tags fixed, String owner) {
    this.registry = registry;
    this.name = name;
    this.fixed = fixed;
    this.owner = owner;
  }

  /** The series of {@code attributes}, registered on first use by {@code create} (given its tags). */
  S get(Map<String, ?> attributes, Function<Tags, S> create) {
    Map<String, ?> key = attributes == null ? Map.of() : attributes;
    S known = byAttributes.get(key);
    if (known != null) {
      return known;
    }
    Map<String, ?> copy = new HashMap<>(key); // the caller may change its map later
    return byAttributes.computeIfAbsent(copy, a -> {
      try {
        return create.apply(Attributes.tags(a, fixed));
      } catch (IllegalArgumentException e) {
        // Prometheus wants one set of label names per metric name (Micrometer refuses another)
        throw new IllegalArgumentException(
            "Metric '" + name + "' of " + owner + " cannot take attributes " + a.keySet() + ": " + e.getMessage(), e);
      }
    });
  }

  /** Removes every series' meter from the registry. */
  void removeAll(Function<S, Meter> meterOf) {
    for (S s : byAttributes.values()) {
      registry.remove(meterOf.apply(s));
    }
    byAttributes.clear();
  }
}
