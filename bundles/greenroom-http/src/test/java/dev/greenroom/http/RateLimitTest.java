package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.test.base.TestBackend;
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
 * {@code backend.rateLimit} (Backstage's rateLimitMiddleware on express-rate-limit) and {@code
 * backend.trustProxy} (Express's {@code trust proxy}) on the embedded Jetty. The tests' client is
 * 127.0.0.1, on the default allow list, so most tests empty the list.
 */
@Timeout(60)
class RateLimitTest {
  static final String BODY_429 =
      "{\"error\":{\"name\":\"Error\",\"message\":\"Too many requests, please try again later\"},\"response\":{\"statusCode\":429}}";

  /** Answers the client address it sees ({@code getRemoteAddr}), or 500 for {@code /fail}. */
  static final class WhoAmI extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      if (request.getPathInfo().equals("/fail")) {
        response.sendError(500);
        return;
      }
      response.setContentType("text/plain");
      response.getWriter().write(request.getRemoteAddr());
    }
  }

  private static HttpBackend backend(Map<String, Object> backend) {
    HttpBackend http = new HttpBackend(backend);
    http.builder.add(IsolationPlugins.serving("limited", new WhoAmI()));
    http.builder.add(IsolationPlugins.serving("other", new WhoAmI()));
    return http;
  }

  @Test
  void pastTheGlobalLimitTheAnswerIs429WithBackstagesBodyAndHeaders() throws Exception {
    HttpBackend http = backend(Map.of("rateLimit", Map.of("incomingRequestLimit", 2, "window", "1m", "ipAllowList", List.of())));
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> first = http.get("/api/limited/x");
      assertEquals(200, first.statusCode());
      assertEquals("2", first.headers().firstValue("X-RateLimit-Limit").orElseThrow());
      assertEquals("1", first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
      long reset = Long.parseLong(first.headers().firstValue("X-RateLimit-Reset").orElseThrow());
      long now = System.currentTimeMillis() / 1000;
      assertTrue(reset > now && reset <= now + 61, "reset " + reset + " now " + now);
      // health counts too: the global limiter comes before the health router
      assertEquals(200, http.get("/.backstage/health/v1/liveness").statusCode());
      HttpResponse<String> refused = http.get("/api/other/x");
      assertEquals(429, refused.statusCode());
      assertEquals(BODY_429, refused.body());
      assertEquals("application/json;charset=utf-8", // Express: "; " (Jetty normalises the value)
          refused.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
      assertEquals("0", refused.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
      long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
      assertEquals(429, http.get("/.backstage/health/v1/readiness").statusCode());
    }
  }

  @Test
  void trueLimitsWithDefaultsAndTheDefaultAllowListLetsLoopbackThrough() throws Exception {
    HttpBackend http = backend(Map.of("rateLimit", true));
    try (TestBackend backend = http.builder.start()) {
      for (int i = 0; i < 8; i++) { // more than the default 5 per minute
        HttpResponse<String> answer = http.get("/api/limited/x");
        assertEquals(200, answer.statusCode());
        assertFalse(answer.headers().firstValue("X-RateLimit-Limit").isPresent(), "an allowed client is not counted");
      }
    }
  }

  @Test
  void theDefaultLimitIsFivePerWindow() throws Exception {
    HttpBackend http = backend(Map.of("rateLimit", Map.of("ipAllowList", List.of())));
    try (TestBackend backend = http.builder.start()) {
      for (int i = 0; i < 5; i++) {
        assertEquals(200, http.get("/api/limited/x").statusCode());
      }
      assertEquals(429, http.get("/api/limited/x").statusCode());
    }
  }

  @Test
  void aPluginLimitCountsOnlyThatPluginsRequests() throws Exception {
    HttpBackend http = backend(Map.of("rateLimit", Map.of("global", false,
        "plugin", Map.of("limited", Map.of("incomingRequestLimit", 1, "ipAllowList", List.of())))));
    try (TestBackend backend = http.builder.start()) {
      assertEquals(200, http.get("/api/limited/x").statusCode());
      HttpResponse<String> refused = http.get("/api/limited/y");
      assertEquals(429, refused.statusCode());
      assertEquals(BODY_429, refused.body());
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> other = http.get("/api/other/x");
        assertEquals(200, other.statusCode());
        assertFalse(other.headers().firstValue("X-RateLimit-Limit").isPresent());
      }
    }
  }

  @Test
  void skipSuccessfulRequestsCountsOnlyFailures() throws Exception {
    HttpBackend http = backend(Map.of("rateLimit", Map.of(
        "incomingRequestLimit", 1, "ipAllowList", List.of(), "skipSuccessfulRequests", true)));
    try (TestBackend backend = http.builder.start()) {
      for (int i = 0; i < 4; i++) {
        assertEquals(200, http.get("/api/limited/x").statusCode());
      }
      assertEquals(500, http.get("/api/limited/fail").statusCode());
      assertEquals(429, http.get("/api/limited/x").statusCode());
    }
  }

  @Test
  void forwardedForIsBelievedOnlyFromATrustedProxy() throws Exception {
    Map<String, Object> limit = Map.of("incomingRequestLimit", 1, "ipAllowList", List.of("203.0.113.9"));
    HttpBackend trusted = backend(Map.of("trustProxy", "loopback", "rateLimit", limit));
    try (TestBackend backend = trusted.builder.start()) {
      // the client behind the local proxy is what handlers (and the auditor) see, and what is counted
      HttpResponse<String> a = trusted.get("/api/limited/x", "X-Forwarded-For", "198.51.100.1");
      assertEquals("198.51.100.1", a.body());
      assertEquals(429, trusted.get("/api/limited/x", "X-Forwarded-For", "198.51.100.1").statusCode());
      assertEquals(200, trusted.get("/api/limited/x", "X-Forwarded-For", "198.51.100.2").statusCode());
      // an allowed client behind the proxy is never counted
      for (int i = 0; i < 3; i++) {
        assertEquals(200, trusted.get("/api/limited/x", "X-Forwarded-For", "203.0.113.9").statusCode());
      }
      // a spoofed first hop is not believed: the proxy (trusted) saw 198.51.100.3 connect
      assertEquals("198.51.100.3", trusted.get("/api/limited/x", "X-Forwarded-For", "203.0.113.9, 198.51.100.3").body());
    }
    HttpBackend untrusted = backend(Map.of("rateLimit", Map.of("incomingRequestLimit", 1, "ipAllowList", List.of())));
    try (TestBackend backend = untrusted.builder.start()) {
      HttpResponse<String> a = untrusted.get("/api/limited/x", "X-Forwarded-For", "198.51.100.1");
      assertEquals("127.0.0.1", a.body());
      // another forwarded address changes nothing: the socket's address is the key
      assertEquals(429, untrusted.get("/api/limited/x", "X-Forwarded-For", "198.51.100.2").statusCode());
    }
  }

  @Test
  void badValuesFailTheStartNamingTheKey() {
    HttpBackend http = backend(Map.of("rateLimit", Map.of("incomingRequestLimit", "lots")));
    RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> {
      try (TestBackend backend = http.builder.start()) {
        // not reached
      }
    });
    assertTrue(messages(e).contains("Invalid config value at 'backend.rateLimit.incomingRequestLimit': 'lots' is not a whole number (0 or more)"),
        messages(e));
    HttpBackend proxy = backend(Map.of("trustProxy", "10.0.0.0/99"));
    RuntimeException p = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> {
      try (TestBackend backend = proxy.builder.start()) {
        // not reached
      }
    });
    assertTrue(messages(p).contains("Invalid config value at 'backend.trustProxy': invalid range on address: 10.0.0.0/99"), messages(p));
  }

  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }
}
