package dev.greenroom.http;

import static dev.greenroom.http.RootHttpRouterTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PluginHttpRouterTest {
  private static BackendPlugin things(CountDownLatch initGate) {
    return BackendPlugin.create("things", env -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), deps -> {
      HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/health"));
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.userCookie("/static"));
      router.use(Router.create()
          .get("/health", req -> Map.of("status", "ok"))
          .get("/things/{id}", req -> {
            if (req.param("id").equals("missing")) {
              throw new NotFoundError("No thing missing");
            }
            return Map.of("id", req.param("id"));
          })
          .get("/static/x", req -> List.of("cookie ok"))
          .build());
      router.use(Router.create().get("/second", req -> "second handler").build());
      if (initGate != null) {
        initGate.await(30, TimeUnit.SECONDS);
      }
    }));
  }

  @Test
  void barrierPoliciesHandlersInOrderAndJwks() throws Exception {
    HttpBackend http = new HttpBackend();
    http.builder.add(things(null));
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> health = http.get("/api/things/health");
      assertEquals(200, health.statusCode());
      assertEquals("{\"status\":\"ok\"}", health.body());

      HttpResponse<String> denied = http.get("/api/things/things/1");
      assertEquals(401, denied.statusCode());
      assertEquals(
          Map.of(
              "error", Map.of("name", "AuthenticationError", "message", "Missing credentials"),
              "request", Map.of("method", "GET", "url", "/things/1"), // plugin-relative, as Backstage
              "response", Map.of("statusCode", 401)),
          JSON.readValue(denied.body(), Map.class));

      String auth = "Bearer " + TokenAuth.USER_TOKEN;
      assertEquals("{\"id\":\"1\"}", http.get("/api/things/things/1", "Authorization", auth).body());
      HttpResponse<String> missing = http.get("/api/things/things/missing", "Authorization", auth);
      assertEquals(404, missing.statusCode());
      assertEquals(Map.of("name", "NotFoundError", "message", "No thing missing"),
          JSON.readValue(missing.body(), Map.class).get("error"));
      // the first handler's unmatched 404 passes the request on to the second
      assertEquals("\"second handler\"", http.get("/api/things/second", "Authorization", auth).body());
      // limited cookie: only where a user-cookie policy allows it
      assertEquals(200, http.get("/api/things/static/x", "Cookie", "limited=1").statusCode());
      assertEquals(403, http.get("/api/things/things/1", "Cookie", "limited=1").statusCode());
      // JWKS: outside the barrier
      HttpResponse<String> jwks = http.get("/api/things/.backstage/auth/v1/jwks.json");
      assertEquals(200, jwks.statusCode());
      assertEquals(Map.of("keys", List.of(Map.of("kid", "test-key", "kty", "EC"))), JSON.readValue(jwks.body(), Map.class));

      HttpRouterService router = backend.service(CoreServices.HTTP_ROUTER, "things");
      assertEquals("Invalid auth policy", assertThrows(IllegalArgumentException.class,
          () -> router.addAuthPolicy(new HttpRouterServiceAuthPolicy("/x", "everyone"))).getMessage());
    }
  }

  /** Handlers that pass a request on (404) in two ways, then one that answers with its default status. */
  private static BackendPlugin chain() {
    return BackendPlugin.create("chain", env -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), deps -> {
      HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/"));
      router.use(new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          resp.setStatus(404); // only a status: nothing to undo but that
        }
      });
      router.use(new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          resp.setHeader("X-First", "1");
          resp.setContentType("text/plain");
          resp.getWriter().write("first handler's body");
          resp.sendError(404);
        }
      });
      router.use(new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          resp.getOutputStream().write("third".getBytes(StandardCharsets.UTF_8));
        }
      });
    }));
  }

  @Test
  void aHandlersPassedOnResponseIsForgottenButTheChainsHeadersStay() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("cors", Map.of("origin", "http://ui.example")));
    http.builder.add(chain());
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> r = http.get("/api/chain/x", "Origin", "http://ui.example");

      assertEquals(200, r.statusCode());
      assertEquals("third", r.body());
      assertEquals(Optional.empty(), r.headers().firstValue("X-First"));
      assertEquals(Optional.of("http://ui.example"), r.headers().firstValue("Access-Control-Allow-Origin"));
    }
  }

  @Test
  void requestsBeforeStartupAreHeldThenServed() throws Exception {
    HttpBackend http = new HttpBackend();
    CountDownLatch init = new CountDownLatch(1);
    http.builder.add(things(init));
    CompletableFuture<TestBackend> started = CompletableFuture.supplyAsync(http.builder::start);
    try {
      while (http.jetty.port() < 0) {
        Thread.sleep(10);
      }
      CompletableFuture<HttpResponse<String>> held =
          CompletableFuture.supplyAsync(() -> {
            try {
              return http.get("/api/things/health");
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      init.countDown();
      HttpResponse<String> r = held.get(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode());
    } finally {
      init.countDown();
      started.get(30, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void requestsHeldPastThePauseTimeoutAre503() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("lifecycle", Map.of("startupRequestPauseTimeout", "100ms")));
    CountDownLatch init = new CountDownLatch(1);
    http.builder.add(things(init));
    CompletableFuture<TestBackend> started = CompletableFuture.supplyAsync(http.builder::start);
    try {
      while (http.jetty.port() < 0) {
        Thread.sleep(10);
      }
      HttpResponse<String> r = http.get("/api/things/health");
      assertEquals(503, r.statusCode());
      assertEquals(Map.of("name", "ServiceUnavailableError", "message", "Service has not started up yet"),
          JSON.readValue(r.body(), Map.class).get("error"));
    } finally {
      init.countDown();
      started.get(30, TimeUnit.SECONDS).close();
    }
  }
}
