package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.HealthResult;
import dev.greenroom.backend.api.services.RootHealthService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import dev.greenroom.http.standalone.PluginStates;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backstage's default root health: liveness always 200; readiness 503 until root startup, 200
 * after it, 503 again from before-shutdown on. Beyond Backstage, the readiness body also carries
 * {@code plugins: {pluginId: state}} when a {@link PluginStates} source is present.
 */
public final class RootHealth implements RootHealthService {
  private final PluginStates pluginStates;
  private volatile boolean started;
  private volatile boolean shuttingDown;

  public RootHealth(RootLifecycleService lifecycle, PluginStates pluginStates) {
    this.pluginStates = pluginStates;
    lifecycle.addStartupHook(() -> started = true);
    lifecycle.addBeforeShutdownHook(() -> shuttingDown = true);
  }

  @Override
  public HealthResult getLiveness() {
    return new HealthResult(200, Map.of("status", "ok"));
  }

  @Override
  public HealthResult getReadiness() {
    Map<String, Object> body = new LinkedHashMap<>();
    int status;
    if (!started) {
      status = 503;
      body.put("status", "error");
      body.put("message", "Backend has not started yet");
    } else if (shuttingDown) {
      status = 503;
      body.put("status", "error");
      body.put("message", "Backend is shutting down");
    } else {
      status = 200;
      body.put("status", "ok");
    }
    Map<String, String> plugins = pluginStates.states();
    if (!plugins.isEmpty()) {
      body.put("plugins", new TreeMap<>(plugins));
    }
    return new HealthResult(status, body);
  }
}
