package dev.greenroom.backend.api.metrics;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** A counter that goes up and down, Backstage's {@code UpDownCounter}. */
@ProviderType
public interface UpDownCounter {
  /** Adds {@code value} (negative to go down) to the series of {@code attributes}. */
  void add(double value, Map<String, ?> attributes);

  /** Adds {@code value} to the series without attributes. */
  default void add(double value) {
    add(value, Map.of());
  }
}
