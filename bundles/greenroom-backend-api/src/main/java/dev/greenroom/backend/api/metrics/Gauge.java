package dev.greenroom.backend.api.metrics;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** A gauge, Backstage's {@code Gauge}: the last value recorded per attribute set. */
@ProviderType
public interface Gauge {
  /** Sets the series of {@code attributes} to {@code value}. */
  void record(double value, Map<String, ?> attributes);

  /** Sets the series without attributes to {@code value}. */
  default void record(double value) {
    record(value, Map.of());
  }
}
