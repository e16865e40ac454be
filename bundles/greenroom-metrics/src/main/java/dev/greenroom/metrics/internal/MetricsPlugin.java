package dev.greenroom.metrics.internal;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.metrics.PrometheusMetrics;
import java.util.Map;

/**
 * Plugin {@code metrics}: serves the registry at {@code /api/metrics} ({@link MetricsEndpoint}). A
 * plugin route rather than a root-router mount: the root router cannot unmount, so a mount would
 * outlive an update of this bundle; the plugin's route is withdrawn and served again by the new
 * instance like any plugin's (docs/metrics.md).
 */
@GreenroomPlugin(id = MetricsPlugin.PLUGIN_ID)
public final class MetricsPlugin extends BackendPlugin {
  public static final String PLUGIN_ID = "metrics";
  static final String ALLOW_UNAUTHENTICATED = "backend.metrics.allowUnauthenticated";

  private final PrometheusMetrics metrics;

  public MetricsPlugin(PrometheusMetrics metrics) {
    super(PLUGIN_ID);
    this.metrics = metrics;
  }

  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(CoreServices.ROOT_CONFIG, CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH, CoreServices.ROOT_LOGGER,
        (config, router, httpAuth, rootLogger) -> {
          boolean open = config.getOptionalBoolean(ALLOW_UNAUTHENTICATED).orElse(false);
          if (metrics instanceof MeterRegistryMetrics m) {
            m.useLogger(rootLogger.child(Map.of("service", "metrics")));
          }
          if (open) {
            router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/"));
          }
          router.use(new MetricsEndpoint(metrics, httpAuth, open));
        });
  }
}
