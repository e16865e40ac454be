package dev.greenroom.http;

import static dev.greenroom.http.RootHttpRouterTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.router.Router;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backstage's stop with {@code backend.lifecycle.serverShutdownDelay}: readiness turns 503 at the
 * start of the delay while the server keeps serving, requests in flight finish, and plugin
 * shutdown hooks run only once the delay is over.
 */
@Timeout(120)
class GracefulShutdownTest {
  /** Long enough that the checks made during the delay cannot outlast it on a busy machine. */
  private static final String DELAY = "8s";

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final CountDownLatch slowEntered = new CountDownLatch(1);
  private final CountDownLatch releaseSlow = new CountDownLatch(1);

  private BackendPlugin slowPlugin() {
    return BackendPlugin.create("slow", env -> env.registerInit(
        Deps.of(CoreServices.HTTP_ROUTER, CoreServices.LIFECYCLE), deps -> {
          HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
          router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/"));
          router.use(Router.create()
              .get("/slow", req -> {
                slowEntered.countDown();
                assertTrue(releaseSlow.await(60, TimeUnit.SECONDS), "slow request never released");
                events.add("slow request answered");
                return Map.of("slow", "done");
              })
              .get("/fast", req -> Map.of("fast", "done"))
              .build());
          deps.get(CoreServices.LIFECYCLE).addShutdownHook(() -> events.add("plugin shutdown hook"));
        }));
  }

  @Test
  void readinessTurns503AtOnceInFlightRequestsFinishAndPluginHooksWaitForTheDelay() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("lifecycle", Map.of("serverShutdownDelay", DELAY)));
    http.builder.add(slowPlugin());
    TestBackend backend = http.builder.start();
    CompletableFuture<Void> closed = null;
    try {
      assertEquals(200, http.get("/.backstage/health/v1/readiness").statusCode());
      CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
        try {
          return http.get("/api/slow/slow");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertTrue(slowEntered.await(30, TimeUnit.SECONDS), "slow request never reached its handler");

      closed = CompletableFuture.runAsync(backend::close);
      HttpResponse<String> readiness = awaitReadiness503(http);
      assertEquals(Map.of("status", "error", "message", "Backend is shutting down"),
          JSON.readValue(readiness.body(), Map.class));
      // during the delay the server still serves, so load balancers can drain it
      HttpResponse<String> fresh = http.get("/api/slow/fast");
      assertEquals(200, fresh.statusCode());
      assertEquals("{\"fast\":\"done\"}", fresh.body());
      assertEquals(List.of(), events, "plugin shutdown hooks ran before the shutdown delay was over");

      releaseSlow.countDown();
      HttpResponse<String> answered = slow.get(30, TimeUnit.SECONDS);
      assertEquals(200, answered.statusCode());
      assertEquals("{\"slow\":\"done\"}", answered.body());

      closed.get(60, TimeUnit.SECONDS);
      assertEquals(List.of("slow request answered", "plugin shutdown hook"), events);
    } finally {
      releaseSlow.countDown();
      if (closed == null) {
        backend.close();
      } else {
        closed.get(60, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aPluginThatAlreadyShutDownAnswers503NotFoundWhileOthersStillStop() throws Exception {
    CountDownLatch otherStopping = new CountDownLatch(1);
    CountDownLatch releaseOther = new CountDownLatch(1);
    BackendPlugin other = BackendPlugin.create("other", env -> env.registerInit(Deps.of(CoreServices.LIFECYCLE),
        deps -> deps.get(CoreServices.LIFECYCLE).addShutdownHook(() -> {
          otherStopping.countDown();
          releaseOther.await(60, TimeUnit.SECONDS);
        })));
    HttpBackend http = new HttpBackend(Map.of());
    http.builder.add(slowPlugin()).add(other);
    TestBackend backend = http.builder.start();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(backend::close);
    try {
      assertTrue(otherStopping.await(30, TimeUnit.SECONDS), "plugin other never began to stop");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!events.contains("plugin shutdown hook") && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertEquals(List.of("plugin shutdown hook"), events, "plugin slow has shut down");
      // once its hook has returned, slow's routes go (the hook event comes a moment before the slot
      // closes: wait, bounded); the server still listens: shutting down, not an unknown path
      HttpResponse<String> r = http.get("/api/slow/fast");
      long closedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (r.statusCode() == 200 && System.nanoTime() < closedBy) {
        Thread.sleep(10);
        r = http.get("/api/slow/fast");
      }
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"name\":\"ServiceUnavailableError\""), r.body());
      assertTrue(r.body().contains("Service is shutting down"), r.body());
    } finally {
      releaseOther.countDown();
      closed.get(60, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> awaitReadiness503(HttpBackend http) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      HttpResponse<String> r = http.get("/.backstage/health/v1/readiness");
      if (r.statusCode() == 503 || System.nanoTime() > end) {
        assertEquals(503, r.statusCode());
        return r;
      }
      Thread.sleep(10);
    }
  }
}
