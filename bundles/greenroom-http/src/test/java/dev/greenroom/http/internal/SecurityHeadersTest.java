package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {
  private static SecurityHeaders read(Map<String, Object> csp) {
    return SecurityHeaders.read(new MapConfig(Map.of("backend", Map.of("csp", csp)), "app-config.yaml"));
  }

  @Test
  void helmetsHeadersWithBackstagesDefaultPolicy() {
    Map<String, String> headers = SecurityHeaders.read(MapConfig.empty()).headers();

    assertEquals("default-src 'self';base-uri 'self';font-src 'self' https: data:;frame-ancestors 'self';"
            + "img-src 'self' data:;object-src 'none';script-src 'self' 'unsafe-eval';script-src-attr 'none';"
            + "style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
        headers.get("Content-Security-Policy"));
    assertEquals(Map.of(
            "Content-Security-Policy", headers.get("Content-Security-Policy"),
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=15552000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-DNS-Prefetch-Control", "off",
            "X-Download-Options", "noopen",
            "X-Frame-Options", "SAMEORIGIN",
            "X-Permitted-Cross-Domain-Policies", "none",
            "X-XSS-Protection", "0"),
        headers);
  }

  @Test
  void backendCspReplacesAddsAndRemovesDirectives() {
    String csp = read(Map.of(
            "connect-src", List.of("'self'", "http:", "https:"),
            "imgSrc", List.of("'self'", "data:", "https://avatars.example.com"),
            "upgrade-insecure-requests", false))
        .headers().get("Content-Security-Policy");

    assertEquals("default-src 'self';base-uri 'self';font-src 'self' https: data:;frame-ancestors 'self';"
            + "img-src 'self' data: https://avatars.example.com;object-src 'none';script-src 'self' 'unsafe-eval';"
            + "script-src-attr 'none';style-src 'self' https: 'unsafe-inline';connect-src 'self' http: https:",
        csp);
  }

  @Test
  void badPoliciesNameTheConfigKey() {
    assertEquals("Content-Security-Policy received an invalid directive value for \"img-src\" (backend.csp)",
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("img-src", List.of("'self'; script-src *"))))
            .getMessage());
    assertEquals("Invalid config value at 'backend.csp': the Content-Security-Policy needs a default-src",
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("defaultSrc", false))).getMessage());
    assertEquals("connect-src", SecurityHeaders.kebabCase("connectSrc"));
    assertEquals("upgrade-insecure-requests", SecurityHeaders.kebabCase("upgrade-insecure-requests"));
  }
}
