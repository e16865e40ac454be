package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.RootHttpRouterService;
import dev.greenroom.backend.test.base.LogRecord;
import dev.greenroom.backend.test.base.TestBackend;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RootHttpRouterTest {
  static final ObjectMapper JSON = new ObjectMapper();

  private static HttpServlet text(String body) {
    return new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write(body + " " + req.getServletPath() + " " + req.getPathInfo());
      }
    };
  }

  @Test
  void unknownApiPathIsBackstagesEmpty404() throws Exception {
    HttpBackend http = new HttpBackend();
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> r = http.get("/api/x/y?z=1");
      assertEquals(404, r.statusCode());
      // MiddlewareFactory.notFound(): res.status(404).end(), after helmet
      assertEquals("", r.body());
      assertEquals("", r.headers().firstValue("Content-Type").orElse(""));
      assertEquals("SAMEORIGIN", r.headers().firstValue("X-Frame-Options").orElse(""));
    }
  }

  @Test
  void rootRoutesGetTheRestAsPathInfoAndConflictsAreRefusedWithBackstagesWords() throws Exception {
    HttpBackend http = new HttpBackend();
    try (TestBackend backend = http.builder.start()) {
      RootHttpRouterService root = backend.service(CoreServices.ROOT_HTTP_ROUTER, "root");
      root.use("/a", text("A"));
      root.use("/aa", text("AA")); // /a and /aa do not clash: compared with a trailing slash
      assertEquals("A /a /x/y", http.get("/a/x/y").body());
      assertEquals("AA /aa null", http.get("/aa").body());

      assertEquals("Path /a/b conflicts with the existing path /a",
          assertThrows(IllegalArgumentException.class, () -> root.use("/a/b", text("x"))).getMessage());
      assertEquals("Path / conflicts with the existing path /a",
          assertThrows(IllegalArgumentException.class, () -> root.use("/", text("x"))).getMessage());
      assertEquals("Root router path may not be empty",
          assertThrows(IllegalArgumentException.class, () -> root.use("", text("x"))).getMessage());
    }
  }

  @Test
  void livenessAndReadinessWithBackstagesBodies() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("health", Map.of("headers", Map.of("x-health", "yes"))));
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> live = http.get("/.backstage/health/v1/liveness");
      assertEquals(200, live.statusCode());
      assertEquals(Map.of("status", "ok"), JSON.readValue(live.body(), Map.class));
      assertEquals("yes", live.headers().firstValue("x-health").orElse(""));
      HttpResponse<String> ready = http.get("/.backstage/health/v1/readiness");
      assertEquals(200, ready.statusCode());
      assertEquals(Map.of("status", "ok"), JSON.readValue(ready.body(), Map.class));
    }
  }

  /**
   * A client that leaves while its answer is written (or a server stopping under a request) makes
   * Jetty throw its EofException into the handler: no answer can be sent, and it is no server error
   * to log (seen as "Request failed with status 500 ... EofException" while Pax Web restarted).
   */
  @Test
  @Timeout(30)
  void aClientLeavingDuringTheAnswerIsNoServerError() throws Exception {
    HttpBackend http = new HttpBackend();
    try (TestBackend backend = http.builder.start()) {
      RootHttpRouterService root = backend.service(CoreServices.ROOT_HTTP_ROUTER, "root");
      java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
      root.use("/big", new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          try {
            byte[] chunk = new byte[64 * 1024];
            writing.countDown();
            for (int i = 0; i < 16 * 1024; i++) { // at most 1 GiB: the client is gone long before
              resp.getOutputStream().write(chunk);
              resp.getOutputStream().flush();
            }
          } catch (IOException | RuntimeException e) {
            thrown.set(e);
            throw e;
          } finally {
            done.countDown();
          }
        }
      });
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", http.jetty.port())) {
        socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        assertTrue(writing.await(10, java.util.concurrent.TimeUnit.SECONDS));
        socket.setSoLinger(true, 0); // close with a reset, as a client that gives up
      }
      assertTrue(done.await(20, java.util.concurrent.TimeUnit.SECONDS), "the handler's write did not fail");
      assertTrue(thrown.get() instanceof IOException, "the write failed with " + thrown.get());
      // the dispatcher's catch runs right after the handler: wait for its debug line
      long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (backend.logs().records().stream().noneMatch(l -> l.message().startsWith("The connection closed during GET /big"))
          && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      List<LogRecord> records = backend.logs().records();
      assertTrue(records.stream().anyMatch(l -> l.level().equals("debug")
          && l.message().startsWith("The connection closed during GET /big")), records.toString());
      assertFalse(records.stream().anyMatch(l -> l.level().equals("error") || l.level().equals("warn")),
          "no warning or error for a client that left: " + records);
    }
  }

  /** A closed channel of the plugin's own (its database, its Redis) is a server error, not a client that left. */
  @Test
  void aPluginsOwnClosedChannelIsStillAServerError() throws Exception {
    HttpBackend http = new HttpBackend();
    try (TestBackend backend = http.builder.start()) {
      RootHttpRouterService root = backend.service(CoreServices.ROOT_HTTP_ROUTER, "root");
      root.use("/store", new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          throw new IOException("store connection lost", new java.nio.channels.ClosedChannelException());
        }
      });
      HttpResponse<String> r = http.get("/store");
      assertEquals(500, r.statusCode());
      assertEquals("store connection lost", ((Map<?, ?>) JSON.readValue(r.body(), Map.class).get("error")).get("message"));
      assertTrue(backend.logs().records().stream().anyMatch(l -> l.level().equals("error")
          && l.message().startsWith("Request failed with status 500: GET /store")), backend.logs().records().toString());
    }
  }

  @Test
  void errorsFromHandlersKeepTheirStatusAndNeverShowAStackTrace() throws Exception {
    HttpBackend http = new HttpBackend();
    try (TestBackend backend = http.builder.start()) {
      RootHttpRouterService root = backend.service(CoreServices.ROOT_HTTP_ROUTER, "root");
      root.use("/boom", new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
          if (req.getPathInfo() != null) {
            throw new dev.greenroom.backend.api.errors.ConflictError("already there");
          }
          throw new IllegalStateException("internal detail");
        }
      });
      HttpResponse<String> r = http.get("/boom");
      assertEquals(500, r.statusCode());
      assertEquals(
          Map.of(
              "error", Map.of("name", "Error", "message", "internal detail"),
              "request", Map.of("method", "GET", "url", "/boom"),
              "response", Map.of("statusCode", 500)),
          JSON.readValue(r.body(), Map.class));
      assertFalse(r.body().contains("at dev.greenroom"), r.body());
      HttpResponse<String> conflict = http.get("/boom/x");
      assertEquals(409, conflict.statusCode());
      assertEquals(Map.of("name", "ConflictError", "message", "already there"),
          JSON.readValue(conflict.body(), Map.class).get("error"));
      // the stack goes to the log, not to the client
      assertTrue(backend.logs().records().stream().anyMatch(l -> l.message().startsWith("Request failed with status 500")));
    }
  }

  @Test
  void bodiesOverTheLimitAre413() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("http", Map.of("maxRequestBodySize", 16)));
    try (TestBackend backend = http.builder.start()) {
      RootHttpRouterService root = backend.service(CoreServices.ROOT_HTTP_ROUTER, "root");
      root.use("/echo", new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          resp.getOutputStream().write(req.getInputStream().readAllBytes());
        }
      });
      HttpResponse<String> small = http.send(
          HttpRequest.newBuilder(http.uri("/echo")).POST(HttpRequest.BodyPublishers.ofString("0123456789")));
      assertEquals("0123456789", small.body());
      HttpResponse<String> big = http.send(
          HttpRequest.newBuilder(http.uri("/echo")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))));
      assertEquals(413, big.statusCode());
      assertEquals(Map.of("name", "PayloadTooLargeError", "message", "request entity too large"),
          JSON.readValue(big.body(), Map.class).get("error"));
    }
  }

  @Test
  void corsFromBackendCors() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("cors",
        Map.of("origin", List.of("https://*.example.com"), "methods", List.of("GET", "POST"), "credentials", true)));
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> preflight = http.send(
          HttpRequest.newBuilder(http.uri("/api/x")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
          "Origin", "https://app.example.com", "Access-Control-Request-Method", "POST");
      assertEquals(204, preflight.statusCode());
      assertEquals("https://app.example.com", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertEquals("GET,POST", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
      assertEquals("true", preflight.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
      HttpResponse<String> other = http.get("/api/x", "Origin", "https://evil.test");
      assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }
  }

  @Test
  void everyRequestIsLoggedWithBackstagesLineAndTypeIncomingRequest() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("auth", Map.of("dangerouslyDisableDefaultAuthPolicy", true)));
    http.builder.add(plugin("a", new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentLength(2);
        resp.getWriter().write("OK");
      }
    }));
    try (TestBackend backend = http.builder.start()) {
      http.get("/api/a/x?q=1", "User-Agent", "probe/1.0", "Referer", "http://ui.example/");
      http.get("/api/nothing");

      HttpResponse<String> notFound = http.get("/api/nothing");
      assertEquals(404, notFound.statusCode());
      // helmet's headers, first in the chain, are on every answer, errors too
      for (HttpResponse<String> r : List.of(http.get("/api/a/x"), notFound)) {
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self';"));
      }

      List<LogRecord> lines = awaitRequestLines(backend, 4);
      assertTrue(lines.get(0).message().matches(
          "\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\\] \"GET /api/a/x\\?q=1 HTTP/1.1\" 200 2 "
              + "\"http://ui.example/\" \"probe/1.0\""),
          lines.get(0).message());
      assertEquals("rootHttpRouter", lines.get(0).meta().get("service"));
      assertTrue(lines.get(1).message().endsWith("\"GET /api/nothing HTTP/1.1\" 404 "
          + lines.get(1).message().replaceAll(".* 404 (\\d+) .*", "$1") + " \"-\" \"Java-http-client/"
          + System.getProperty("java.version") + "\""), lines.get(1).message());
    }
  }

  private static List<LogRecord> awaitRequestLines(TestBackend backend, int count) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<LogRecord> lines = backend.logs().records().stream()
          .filter(r -> "incomingRequest".equals(r.meta().get("type")))
          .toList();
      if (lines.size() >= count || System.nanoTime() > end) {
        assertEquals(count, lines.size(), lines.toString());
        return lines;
      }
      Thread.sleep(10);
    }
  }

  @Test
  void pathTricksNeverReachAnotherPlugin() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("auth", Map.of("dangerouslyDisableDefaultAuthPolicy", true)));
    List<String> reachedB = new java.util.concurrent.CopyOnWriteArrayList<>();
    http.builder.add(plugin("a", text("A")));
    http.builder.add(plugin("b", new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        reachedB.add(req.getRequestURI());
        resp.getWriter().write("B");
      }
    }));
    try (TestBackend backend = http.builder.start()) {
      assertEquals("HTTP/1.1 200 OK", http.rawGet("/api/a/x"));
      for (String trick : List.of(
          "/api/a/../b/secret", "/api/a/..%2Fb/secret", "/api/a%2F..%2Fb/secret", "/api/a/%2e%2e/b/secret",
          "/api/a;x=1/../b/secret", "/api/a/..;/b/secret", "/api/a/..%5Cb/secret", "/api/a//../b/secret")) {
        String status = http.rawGet(trick);
        assertTrue(status.startsWith("HTTP/1.1 400"), trick + " -> " + status);
      }
      assertEquals(List.of(), reachedB);
    }
  }

  static BackendPlugin plugin(String id, HttpServlet servlet) {
    return BackendPlugin.create(id, env -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER),
        deps -> deps.get(CoreServices.HTTP_ROUTER).use(servlet)));
  }
}
