package dev.greenroom.backend.api.metrics;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A counter, Backstage's {@code Counter}: non-negative increments. Attributes become Prometheus
 * labels; values are strings, numbers, booleans or lists of those (written as text).
 */
@ProviderType
public interface Counter {
  /**
   * Adds {@code value} to the series of {@code attributes}.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  void add(double value, Map<String, ?> attributes);

  /** Adds {@code value} to the series without attributes. */
  default void add(double value) {
    add(value, Map.of());
  }
}
