package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.metrics.Counter;
import dev.greenroom.backend.api.metrics.MetricOptions;
import dev.greenroom.backend.api.metrics.RootMetricsService;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the runtime's state says about each plugin, with no work from its author: starts and
 * restarts (counted when the runtime registers the plugin's {@code PluginReady} marker, i.e. each
 * successful start), and at each scrape the current state and the last init's duration, read from
 * {@code GreenroomRuntime}'s DTOs (docs/metrics.md).
 */
public final class PluginRunMetrics {
  static final String STARTS = "greenroom.plugin.starts";
  static final String RESTARTS = "greenroom.plugin.restarts";
  static final String INIT_DURATION = "greenroom.plugin.init.duration";
  static final String STATE = "greenroom.plugin.state";

  private final Counter starts;
  private final Counter restarts;
  /** Plugins seen started since this bundle started: a later start is a restart. */
  private final Set<String> started = ConcurrentHashMap.newKeySet();

  public PluginRunMetrics(RootMetricsService metrics, Supplier<List<PluginDTO>> plugins) {
    starts = metrics.createCounter(STARTS, MetricOptions.of("Successful starts of each plugin (its init ran without error)", null));
    restarts = metrics.createCounter(RESTARTS, MetricOptions.of("Starts of each plugin after its first one (a restart, an update of one of its bundles)", null));
    metrics.createObservableGauge(INIT_DURATION, MetricOptions.of("How long the last init of each plugin took, its modules' inits included", "s"))
        .addCallback(result -> {
          for (PluginDTO p : plugins.get()) {
            if (p.initMillis() >= 0) {
              result.observe(p.initMillis() / 1000.0, Map.of("plugin", p.pluginId()));
            }
          }
        });
    metrics.createObservableGauge(STATE, MetricOptions.of("1 for each plugin's current state (waiting_for_modules, idle, starting, running, failed, stopping, stopped)", null))
        .addCallback(result -> {
          for (PluginDTO p : plugins.get()) {
            result.observe(1, Map.of("plugin", p.pluginId(), "state", p.state().name().toLowerCase(Locale.ROOT)));
          }
        });
  }

  /** The runtime reports {@code pluginId} running (a new instance of it). */
  public void started(String pluginId) {
    Map<String, String> plugin = Map.of("plugin", pluginId);
    starts.add(1, plugin);
    if (!started.add(pluginId)) {
      restarts.add(1, plugin);
    }
  }
}
