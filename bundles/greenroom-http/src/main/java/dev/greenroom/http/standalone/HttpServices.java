package dev.greenroom.http.standalone;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Initialization;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.RootHealthService;
import dev.greenroom.backend.api.services.RootHttpRouterService;
import dev.greenroom.http.internal.HostDiscovery;
import dev.greenroom.http.internal.PluginRouter;
import dev.greenroom.http.internal.PluginRequestMetrics;
import dev.greenroom.http.internal.PluginSlot;
import dev.greenroom.http.internal.PluginSlots;
import dev.greenroom.http.internal.RootHealth;
import dev.greenroom.http.internal.RootHttpRouter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The service factories of Greenroom's HTTP layer, plain Java: the same ones the OSGi bundle
 * registers. For a {@code TestBackend} with real HTTP:
 *
 * <pre>{@code
 * EmbeddedJetty jetty = new EmbeddedJetty();
 * TestBackend.builder().add(myPlugin).config(Map.of("backend", Map.of("listen", Map.of("port", 0))))
 *     // each factory of HttpServices.factories(jetty) via defaultService(...), then jetty.port()
 * }</pre>
 *
 * {@code core.httpRouter} needs {@code core.httpAuth} and {@code core.auth}, which come from the
 * auth bundle (or a test's own implementations).
 */
public final class HttpServices {
  private HttpServices() {}

  /** rootHttpRouter (served on {@code host}), httpRouter, rootHealth (no plugin states), discovery. */
  public static List<ServiceFactory<?>> factories(ServletHost host) {
    return factories(host, PluginStates.NONE);
  }

  public static List<ServiceFactory<?>> factories(ServletHost host, PluginStates states) {
    return factories(host, states, PluginPresence.ALWAYS);
  }

  /** As above; {@code presence} tells a removed plugin (404 at once) from a restarting one (held). */
  public static List<ServiceFactory<?>> factories(ServletHost host, PluginStates states, PluginPresence presence) {
    return factories(host, states, presence, PluginStarts.ASSUME_PENDING);
  }

  /**
   * As above; {@code starts} tells a plugin whose start is pending (its requests are held) from one
   * that failed or stopped (503 at once).
   */
  public static List<ServiceFactory<?>> factories(
      ServletHost host, PluginStates states, PluginPresence presence, PluginStarts starts) {
    return List.of(rootHttpRouter(host), httpRouter(presence, starts), rootHealth(states), discovery());
  }

  /**
   * As above; every plugin's requests are measured with the metrics service {@code metrics} gives
   * at the time (null: not measured), as docs/metrics.md lists.
   */
  public static List<ServiceFactory<?>> factories(
      ServletHost host,
      PluginStates states,
      PluginPresence presence,
      PluginStarts starts,
      Supplier<? extends MetricsService> metrics) {
    return List.of(rootHttpRouter(host), httpRouter(presence, starts, metrics), rootHealth(states), discovery());
  }

  public static ServiceFactory<RootHttpRouterService> rootHttpRouter(ServletHost host) {
    return ServiceFactory.of(CoreServices.ROOT_HTTP_ROUTER)
        .deps(CoreServices.ROOT_CONFIG, CoreServices.ROOT_LOGGER, CoreServices.ROOT_LIFECYCLE, CoreServices.ROOT_HEALTH)
        .factory(deps -> RootHttpRouter.start(
            deps.get(CoreServices.ROOT_CONFIG),
            deps.get(CoreServices.ROOT_LOGGER),
            deps.get(CoreServices.ROOT_LIFECYCLE),
            deps.get(CoreServices.ROOT_HEALTH),
            host));
  }

  public static ServiceFactory<RootHealthService> rootHealth(PluginStates states) {
    return ServiceFactory.of(CoreServices.ROOT_HEALTH)
        .deps(CoreServices.ROOT_LIFECYCLE)
        .factory(deps -> new RootHealth(deps.get(CoreServices.ROOT_LIFECYCLE), states));
  }

  /**
   * Plugin-scoped, created for every plugin ({@code initialization: always}) so that each plugin
   * gets its gated mount at {@code /api/<pluginId>} even if it never asks for the router.
   */
  public static ServiceFactory<HttpRouterService> httpRouter() {
    return httpRouter(PluginPresence.ALWAYS);
  }

  /**
   * As {@link #httpRouter()}; after a plugin instance shuts down while the backend runs, its slot
   * holds requests for the next instance, unless {@code presence} says the plugin was removed.
   */
  public static ServiceFactory<HttpRouterService> httpRouter(PluginPresence presence) {
    return httpRouter(presence, PluginStarts.ASSUME_PENDING);
  }

  /**
   * As {@link #httpRouter(PluginPresence)}; requests are held only while {@code starts} says a start
   * of the plugin is pending, and each plugin's requests are bounded by {@code
   * backend.server.pluginConcurrency}, {@code backend.server.pluginHeldRequests} and {@code
   * backend.server.requestTimeout}.
   */
  public static ServiceFactory<HttpRouterService> httpRouter(PluginPresence presence, PluginStarts starts) {
    return httpRouter(presence, starts, () -> null);
  }

  /**
   * As {@link #httpRouter(PluginPresence, PluginStarts)}; each plugin's requests are counted and
   * timed on the metrics service {@code metrics} gives (null: not measured).
   */
  public static ServiceFactory<HttpRouterService> httpRouter(
      PluginPresence presence, PluginStarts starts, Supplier<? extends MetricsService> metrics) {
    return ServiceFactory.of(CoreServices.HTTP_ROUTER)
        .initialization(Initialization.ALWAYS)
        .deps(
            CoreServices.ROOT_HTTP_ROUTER,
            CoreServices.ROOT_CONFIG,
            CoreServices.ROOT_LOGGER,
            CoreServices.ROOT_LIFECYCLE,
            CoreServices.PLUGIN_METADATA,
            CoreServices.LIFECYCLE,
            CoreServices.LOGGER,
            CoreServices.HTTP_AUTH,
            CoreServices.AUTH)
        .createRootContext(root -> {
          PluginSlots slots = new PluginSlots(
              root.get(CoreServices.ROOT_HTTP_ROUTER),
              root.get(CoreServices.ROOT_CONFIG),
              root.get(CoreServices.ROOT_LOGGER).child(Map.of("service", "httpRouter")),
              presence,
              starts,
              new PluginRequestMetrics(metrics));
          // plugin shutdowns after this are the backend's stop, not restarts: 503, no holding
          root.get(CoreServices.ROOT_LIFECYCLE).addBeforeShutdownHook(slots::backendStopping);
          root.get(CoreServices.ROOT_LIFECYCLE).addShutdownHook(slots::close);
          return slots;
        })
        .factoryWithContext((deps, context) -> {
          String pluginId = deps.get(CoreServices.PLUGIN_METADATA).getId();
          boolean noDefaultPolicy = deps.get(CoreServices.ROOT_CONFIG)
              .getOptionalBoolean("backend.auth.dangerouslyDisableDefaultAuthPolicy").orElse(false);
          PluginRouter router = new PluginRouter(
              pluginId, deps.get(CoreServices.HTTP_AUTH), deps.get(CoreServices.AUTH), noDefaultPolicy,
              deps.get(CoreServices.LOGGER));
          PluginSlot slot = ((PluginSlots) context).slot(pluginId);
          slot.attach(router);
          LifecycleService lifecycle = deps.get(CoreServices.LIFECYCLE);
          lifecycle.addStartupHook(() -> slot.open(router));
          lifecycle.addShutdownHook(() -> {
            slot.stopped(router);
            router.destroy();
          });
          return router;
        });
  }

  public static ServiceFactory<DiscoveryService> discovery() {
    return ServiceFactory.of(CoreServices.DISCOVERY)
        .deps(CoreServices.ROOT_CONFIG)
        .factory(deps -> HostDiscovery.fromConfig(deps.get(CoreServices.ROOT_CONFIG)));
  }
}
