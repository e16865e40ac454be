package dev.greenroom.backend.api.metrics;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** What an {@link ObservableCallback} reports into, Backstage's {@code ObservableResult}. */
@ProviderType
public interface ObservableResult {
  /** The value of the series of {@code attributes} now. */
  void observe(double value, Map<String, ?> attributes);

  /** The value of the series without attributes now. */
  default void observe(double value) {
    observe(value, Map.of());
  }
}
