package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.MetricsService;
import io.micrometer.core.instrument.Tags;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A plugin's {@code alpha.core.metrics}: every series carries {@code plugin=<id>}. Closed when the
 * plugin instance stops: its observable instruments leave the collection and their series the
 * registry, so no callback keeps the old instance's classes; counters and histograms stay (a
 * restarted plugin adds to the same series, as Prometheus expects of a counter).
 */
public final class PluginScope extends Scope implements MetricsService, AutoCloseable {
  private final MeterRegistryMetrics root;
  private final Set<ObservableInstrument> observables = new CopyOnWriteArraySet<>();

  PluginScope(MeterRegistryMetrics root, String pluginId) {
    super(Tags.of("plugin", pluginId), "plugin '" + pluginId + "'");
    this.root = root;
  }

  @Override
  MeterRegistryMetrics root() {
    return root;
  }

  @Override
  void created(ObservableInstrument o) {
    observables.add(o);
  }

  @Override
  public void close() {
    for (ObservableInstrument o : observables) {
      root.remove(o);
      o.close();
    }
    observables.clear();
  }
}
