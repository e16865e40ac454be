package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.errors.InputError;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The answers clients compared with Backstage (issue 13 point 8). Expected values are what a real
 * Backstage (@backstage/backend-defaults 0.18, express 4) answered for the same requests to a plugin
 * with the same routes (/work/shared/peer; see docs/http.md "Differences from Backstage").
 */
@Timeout(60)
class BackstageParityTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Plugin {@code id} serving {@code handler}, with {@code openPath} unauthenticated. */
  static BackendPlugin plugin(String id, String openPath, HttpServlet handler) {
    return BackendPlugin.create(id, env -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), deps -> {
      HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated(openPath));
      router.use(handler);
    }));
  }

  /** Backstage's probe plugin: express routes /hello, /items/:id, /input, /boom, all unauthenticated. */
  static BackendPlugin p0() {
    return plugin("p0", "/", Router.create()
        .get("/hello", req -> Map.of("plugin", "p0"))
        .get("/items/{id}", req -> {
          throw new NotFoundError("No item " + req.param("id"));
        })
        .get("/input", req -> {
          throw new InputError("bad input");
        })
        .get("/boom", req -> {
          throw new IllegalStateException("boom");
        })
        .build());
  }

  private static HttpBackend backend() {
    HttpBackend http = new HttpBackend();
    http.builder.add(p0());
    return http;
  }

  @Test
  void routingIsCaseInsensitiveAsExpress() throws Exception {
    HttpBackend http = backend();
    try (TestBackend backend = http.builder.start()) {
      for (String path : List.of("/api/p0/hello", "/API/P0/HELLO", "/api/p0/Hello", "/api/P0/hello/")) {
        HttpResponse<String> r = http.get(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals("{\"plugin\":\"p0\"}", r.body(), path);
      }
      assertEquals(200, http.get("/.Backstage/Health/V1/Liveness").statusCode());
    }
  }

  @Test
  void authPoliciesMatchInAnyCase() throws Exception {
    HttpBackend http = new HttpBackend();
    http.builder.add(plugin("h", "/health", Router.create().get("/health", req -> "ok").get("/other", req -> "other").build()));
    try (TestBackend backend = http.builder.start()) {
      assertEquals(200, http.get("/api/h/HEALTH").statusCode());
      assertEquals(401, http.get("/api/h/other").statusCode());
    }
  }

  @Test
  void anUnknownRouteInsideAPluginIsBackstagesEmpty404() throws Exception {
    HttpBackend http = backend();
    try (TestBackend backend = http.builder.start()) {
      for (String path : List.of("/api/p0/nope", "/api/p0/nope?token=abc", "/api/nope/x")) {
        HttpResponse<String> r = http.get(path);
        assertEquals(404, r.statusCode(), path);
        assertEquals("", r.body(), path);
        assertFalse(r.headers().firstValue("Content-Type").isPresent(), path);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      }
    }
  }

  @Test
  void errorBodiesShowThePluginRelativeUrlWithTokensMasked() throws Exception {
    HttpBackend http = backend();
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> r = http.get("/api/p0/items/42?access_token=s3cret&x=1");
      assertEquals(404, r.statusCode());
      assertEquals(Map.of(
          "error", Map.of("name", "NotFoundError", "message", "No item 42"),
          "request", Map.of("method", "GET", "url", "/items/42?access_token=***&x=1"),
          "response", Map.of("statusCode", 404)), JSON.readValue(r.body(), Map.class));
      assertEquals(Map.of("method", "GET", "url", "/input?code=***"),
          JSON.readValue(http.get("/api/p0/input?code=xyz").body(), Map.class).get("request"));
      assertEquals(Map.of("method", "GET", "url", "/boom"),
          JSON.readValue(http.get("/api/p0/boom").body(), Map.class).get("request"));
    }
  }

  @Test
  void tokensInTheQueryStringAreMaskedInRequestLogAndErrorLog() throws Exception {
    HttpBackend http = backend();
    try (TestBackend backend = http.builder.start()) {
      http.get("/api/p0/boom?token=s3cret&backstageToken=t2&page=2");
      String line = awaitLine(backend, "\"GET /api/p0/boom?");
      assertTrue(line.contains("\"GET /api/p0/boom?token=***&backstageToken=***&page=2 HTTP/1.1\" 500 "), line);
      String all = String.join("\n", backend.logs().messages());
      assertFalse(all.contains("s3cret") || all.contains("t2&"), all);
      assertTrue(all.contains("Request failed with status 500: GET /api/p0/boom?token=***&backstageToken=***&page=2"), all);
    }
  }

  @Test
  void jsonAnswersCarryExpressWeakEtagsAnd304() throws Exception {
    HttpBackend http = backend();
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> first = http.get("/api/p0/hello");
      // what Backstage answered for the same body {"plugin":"p0"}
      assertEquals("W/\"f-tIE5/JLRlFpgac6nlesY1L1441c\"", first.headers().firstValue("ETag").orElse(""));
      HttpResponse<String> again = http.get("/api/p0/hello", "If-None-Match", "W/\"f-tIE5/JLRlFpgac6nlesY1L1441c\"");
      assertEquals(304, again.statusCode());
      assertEquals("", again.body());
      assertEquals(200, http.get("/api/p0/hello", "If-None-Match", "W/\"other\"").statusCode());
      assertEquals(200, http.get("/api/p0/hello", "If-None-Match", "*", "Cache-Control", "no-cache").statusCode());
      // framework answers too: readiness ({"status":"ok"}, Backstage's tag) and error bodies
      HttpResponse<String> ready = http.get("/.backstage/health/v1/readiness");
      assertEquals("W/\"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg\"", ready.headers().firstValue("ETag").orElse(""));
      HttpResponse<String> error = http.get("/api/p0/items/42?access_token=s3cret");
      assertTrue(error.headers().firstValue("ETag").orElse("").startsWith("W/\""), error.headers().toString());
      // an error is never 304
      assertEquals(404, http.get("/api/p0/items/42?access_token=s3cret", "If-None-Match", "*").statusCode());
    }
  }

  @Test
  void jettysOwnErrorPagesAreBackstageJsonWithSecurityHeaders() throws Exception {
    HttpBackend http = backend();
    try (TestBackend backend = http.builder.start()) {
      // an ambiguous path: Jetty refuses it in the context, before the dispatcher
      String ambiguous = http.rawResponse("/api/p0/a%2Fb?token=s3cret");
      assertTrue(ambiguous.startsWith("HTTP/1.1 400 "), ambiguous);
      assertTrue(ambiguous.contains("X-Content-Type-Options: nosniff"), ambiguous);
      assertTrue(ambiguous.contains("Content-Security-Policy: default-src 'self'"), ambiguous);
      assertTrue(ambiguous.contains("Content-Type: application/json"), ambiguous);
      String body = ambiguous.substring(ambiguous.indexOf("\r\n\r\n") + 4);
      assertEquals(Map.of(
          "error", Map.of("name", "InputError", "message", "Ambiguous URI path separator"),
          "request", Map.of("method", "GET", "url", "/api/p0/a%2Fb?token=***"),
          "response", Map.of("statusCode", 400)), JSON.readValue(body, Map.class));
      // an unparsable escape: Jetty refuses it at the server, before any context
      String bad = http.rawResponse("/api/p0/a%zz");
      assertTrue(bad.startsWith("HTTP/1.1 400 "), bad);
      assertTrue(bad.contains("X-Frame-Options: SAMEORIGIN"), bad);
      assertTrue(bad.contains("\"name\":\"InputError\""), bad);
      assertFalse(bad.contains("<html"), bad);
    }
  }

  @Test
  void aHandlersSendErrorIsBackstageJsonNotJettysPage() throws Exception {
    HttpBackend http = new HttpBackend();
    http.builder.add(plugin("raw", "/", new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(403, "not for you");
      }
    }));
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> r = http.get("/api/raw/x?token=s3cret");
      assertEquals(403, r.statusCode());
      assertEquals("SAMEORIGIN", r.headers().firstValue("X-Frame-Options").orElse(""));
      assertEquals(Map.of(
          "error", Map.of("name", "NotAllowedError", "message", "not for you"),
          "request", Map.of("method", "GET", "url", "/api/raw/x?token=***"),
          "response", Map.of("statusCode", 403)), JSON.readValue(r.body(), Map.class));
    }
  }

  private static String awaitLine(TestBackend backend, String part) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      for (String m : backend.logs().messages()) {
        if (m.contains(part)) {
          return m;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no log line with " + part + " in " + backend.logs().messages());
  }
}
