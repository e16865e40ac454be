package dev.greenroom.backend.api.metrics;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** A histogram, Backstage's {@code Histogram}: records values into buckets, a count and a sum. */
@ProviderType
public interface Histogram {
  /** Records {@code value} in the series of {@code attributes}. */
  void record(double value, Map<String, ?> attributes);

  /** Records {@code value} in the series without attributes. */
  default void record(double value) {
    record(value, Map.of());
  }
}
