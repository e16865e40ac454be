package dev.greenroom.http;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Plugins and helpers for the request-isolation tests (no auth: every path is unauthenticated). */
final class IsolationPlugins {
  /** Far below the pause timeouts the tests configure: an answer within it was not held to the end. */
  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);

  static final Map<String, Object> CONTINUE_ON_BOOT_FAILURE =
      Map.of("default", Map.of("onPluginBootFailure", "continue"));

  private IsolationPlugins() {}

  /** {@code GET /health} answers {@code {"status":"ok"}}. */
  static BackendPlugin healthy(String id) {
    return withRouter(id, null, router -> router.use(Router.create().get("/health", req -> Map.of("status", "ok")).build()));
  }

  /** Init waits for {@code gate} (if any), then throws {@code Boom}. */
  static BackendPlugin failing(String id, CountDownLatch gate) {
    return withRouter(id, gate, router -> {
      throw new IllegalStateException("Boom");
    });
  }

  /** Init waits for {@code gate}, then serves {@code GET /health}. */
  static BackendPlugin slowStarting(String id, CountDownLatch gate) {
    return withRouter(id, gate, router -> router.use(Router.create().get("/health", req -> Map.of("status", "ok")).build()));
  }

  /** Serves every request with {@code servlet}. */
  static BackendPlugin serving(String id, HttpServlet servlet) {
    return withRouter(id, null, router -> router.use(servlet));
  }

  /** Init waits for {@code gate}, then serves every request with {@code servlet}. */
  static BackendPlugin servingAfter(String id, CountDownLatch gate, HttpServlet servlet) {
    return withRouter(id, gate, router -> router.use(servlet));
  }

  private interface Setup {
    void apply(HttpRouterService router) throws Exception;
  }

  private static BackendPlugin withRouter(String id, CountDownLatch gate, Setup setup) {
    return BackendPlugin.create(id, env -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), deps -> {
      HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/"));
      if (gate != null && !gate.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gate never opened");
      }
      setup.apply(router);
    }));
  }

  /** Plugin states as the runtime would report them: the ids in {@code failed} have failed. */
  static final class FailedPlugins {
    final Set<String> failed = ConcurrentHashMap.newKeySet();

    Optional<String> noStartPending(String pluginId) {
      return failed.contains(pluginId) ? Optional.of("it failed: Boom") : Optional.empty();
    }

    /** Marks every plugin whose start failed in {@code result}. */
    void addFrom(BackendStartupResult result) {
      result.plugins().stream().filter(p -> p.failure() != null).forEach(p -> failed.add(p.pluginId()));
    }
  }

  static HttpRequest get(HttpBackend http, String path) {
    return HttpRequest.newBuilder(http.uri(path)).timeout(CLIENT_TIMEOUT).GET().build();
  }

  static HttpResponse<String> send(HttpClient client, HttpBackend http, String path) throws Exception {
    return client.send(get(http, path), HttpResponse.BodyHandlers.ofString());
  }
}
