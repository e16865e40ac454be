package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.InputError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "/", "/api/example/health", "/api/example/", "/api/a/b%20c", "/api/a/%41", "/api/a/...",
    "/api/a/.hidden", "/api/a/x..", "/api/a/%2", "/api/a/%", "/.backstage/health/v1/readiness"
  })
  void acceptsOrdinaryPaths(String uri) {
    assertTrue(PathGuard.isSafe(uri), uri);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "api/x", "/api/a/../b", "/api/a/..", "/..", "/api/./a", "/api/a/.", "/api//b", "//api",
    "/api/a%2Fb", "/api/a%2fb", "/api/a%5Cb", "/api/a%5cb", "/api/%2e%2e/b", "/api/%2E/b",
    "/api/a%252Fb", "/api/a%00", "/api/a;jsessionid=1", "/api/a\\b"
  })
  void refusesPathsTwoLayersCouldReadDifferently(String uri) {
    InputError error = assertThrows(InputError.class, () -> PathGuard.check(uri));
    assertEquals("Invalid request path", error.getMessage());
  }

  @org.junit.jupiter.api.Test
  void nullIsRefused() {
    assertThrows(InputError.class, () -> PathGuard.check(null));
  }
}
