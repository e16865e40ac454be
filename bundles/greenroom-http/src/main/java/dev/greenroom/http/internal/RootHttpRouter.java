package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootHealthService;
import dev.greenroom.backend.api.services.RootHttpRouterService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import dev.greenroom.backend.api.services.RootLoggerService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.http.internal.limits.ClientAddress;
import dev.greenroom.http.internal.limits.RateLimits;
import dev.greenroom.http.internal.limits.TrustProxy;
import dev.greenroom.http.standalone.ServletHost;
import jakarta.servlet.Servlet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Backstage's default root HTTP router: its own route table served by one {@link RootDispatcher}
 * on a {@link ServletHost}. The server starts here, in the factory; on stop it waits {@code
 * backend.lifecycle.serverShutdownDelay} in a before-shutdown hook (readiness is 503 by then), and
 * in a root shutdown hook lets requests in flight finish before the host withdraws the servlet.
 */
public final class RootHttpRouter implements RootHttpRouterService {
  /** How long a root shutdown waits for requests in flight before withdrawing the servlet anyway. */
  static final long DRAIN_MILLIS = 30_000;
  /** How long a root shutdown waits for queued request log lines to be written. */
  static final long REQUEST_LOG_FLUSH_MILLIS = 5_000;

  private final RouteTable routes = new RouteTable();
  private final RootDispatcher dispatcher;
  private final ListenOptions listen;
  private volatile ServletHost host;

  private RootHttpRouter(RootConfigService config, LoggerService logger, RootHealthService health) {
    this.listen = ListenOptions.read(config);
    this.dispatcher = new RootDispatcher(
        routes,
        health,
        SecurityHeaders.read(config),
        Cors.read(config),
        new BodyLimit(ConfigValues.bytes(config, BodyLimit.CONFIG_KEY, BodyLimit.DEFAULT)),
        healthHeaders(config),
        logger,
        IndexPath.read(config).orElse(null));
    this.dispatcher.limits(new ClientAddress(TrustProxy.read(config)), RateLimits.read(config));
  }

  /** Creates the router and starts serving it on {@code host}. */
  public static RootHttpRouter start(
      RootConfigService config,
      RootLoggerService rootLogger,
      RootLifecycleService lifecycle,
      RootHealthService health,
      ServletHost host) throws Exception {
    LoggerService logger = rootLogger.child(Map.of("service", "rootHttpRouter"));
    RootHttpRouter router = new RootHttpRouter(config, logger, health);
    Duration delay = ConfigValues.duration(config, "backend.lifecycle.serverShutdownDelay", Duration.ZERO);
    host.start(router.dispatcher, ServerStart.settings(config, router.listen, logger));
    router.host = host;
    logger.info("Listening on " + router.listen.host() + ":" + router.listen.port());
    lifecycle.addBeforeShutdownHook(() -> {
      router.dispatcher.backendStopping();
      if (!delay.isZero()) {
        logger.info("Waiting " + delay.toMillis() + " ms (backend.lifecycle.serverShutdownDelay) before shutting down");
        Thread.sleep(delay.toMillis());
      }
    });
    lifecycle.addShutdownHook(() -> {
      int left = router.dispatcher.closeAndDrain(DRAIN_MILLIS);
      if (left > 0) {
        logger.warn(left + " request(s) still in flight after " + DRAIN_MILLIS + " ms; stopping the server anyway");
      }
      try {
        host.stop();
      } finally {
        router.routes.clear();
        router.dispatcher.closeRequestLog(REQUEST_LOG_FLUSH_MILLIS);
      }
    });
    return router;
  }

  @Override
  public void use(String path, Servlet handler) {
    routes.use(path, handler);
  }

  public ListenOptions listen() {
    return listen;
  }

  /** The server's thread pool size, if its host knows it (for the per-plugin concurrency default). */
  public OptionalInt maxThreads() {
    ServletHost h = host;
    return h == null ? OptionalInt.empty() : h.maxThreads();
  }

  private static Map<String, String> healthHeaders(RootConfigService config) {
    Map<String, String> headers = new LinkedHashMap<>();
    config.getOptionalConfig("backend.health.headers").ifPresent(c -> {
      for (String key : c.keys()) {
        Object v = c.getOptional(key).orElse(null);
        if (!(v instanceof String s)) {
          throw new IllegalArgumentException(
              "Invalid config value at 'backend.health.headers." + key + "': header values must be strings");
        }
        headers.put(key, s);
      }
    });
    return headers;
  }
}
