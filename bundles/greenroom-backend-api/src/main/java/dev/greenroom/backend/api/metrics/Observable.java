package dev.greenroom.backend.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An observable instrument, Backstage's {@code Observable} (and its {@code ObservableCounter},
 * {@code ObservableUpDownCounter} and {@code ObservableGauge} aliases): its callbacks report values
 * at each collection (each scrape of the metrics endpoint). A plugin's callbacks are removed when
 * the plugin stops, so none keeps an old instance's classes.
 */
@ProviderType
public interface Observable {
  /** Adds a callback run at each collection. */
  void addCallback(ObservableCallback callback);

  /** Removes a callback added before; nothing if it was not. */
  void removeCallback(ObservableCallback callback);
}
