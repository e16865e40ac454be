package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthPoliciesTest {
  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource({
    "/health, /health, true",
    "/health, /health/, true",
    "/health, /health/x/y, true",
    "/health, /healthy, false",
    "/health, /, false",
    "/health, /other/health, false",
    "/health/, /health, true",
    "/a/b, /a, false",
    "/a/b, /a/b/c, true",
    "/a/b, /a//b, false",
    "/things/:id, /things/1, true",
    "/things/:id, /things/1/more, true",
    "/things/:id, /things, false",
    "/things/:id, /things//x, false",
    "/things/{id}/x, /things/7/x, true",
    "/things/{id}/x, /things/7/y, false",
    "/, /anything/at/all, true",
    "*, /, true",
  })
  void policyPathsMatchAtSegmentBoundaries(String policy, String path, boolean allowed) {
    AuthPolicies policies = new AuthPolicies();
    policies.add(HttpRouterServiceAuthPolicy.unauthenticated(policy));

    assertEquals(allowed, policies.allowsUnauthenticated(path));
    assertEquals(false, policies.allowsCookie(path));
  }

  @org.junit.jupiter.api.Test
  void cookiePoliciesAreSeparateAndUnknownKindsAreRefused() {
    AuthPolicies policies = new AuthPolicies();
    policies.add(HttpRouterServiceAuthPolicy.userCookie("/static"));

    assertEquals(true, policies.allowsCookie("/static/app.js"));
    assertEquals(false, policies.allowsUnauthenticated("/static/app.js"));
    assertEquals("Invalid auth policy", assertThrows(IllegalArgumentException.class,
        () -> policies.add(new HttpRouterServiceAuthPolicy("/x", "everyone"))).getMessage());
  }
}
