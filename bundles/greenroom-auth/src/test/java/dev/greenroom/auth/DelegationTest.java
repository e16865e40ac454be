package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.test.base.TestBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which credentials a plugin may forward with getPluginRequestToken(onBehalfOf): Backstage's rules
 * and 403 messages (backend-defaults src/entrypoints/auth/DefaultAuthService.ts).
 */
class DelegationTest {
  private static final String TOKEN = "0123456789abcdef";
  private static final String JWKS_PATH = "/api/auth/.well-known/jwks.json";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private JwksServer server;
  private TestIdentityProvider idp;
  private TestBackend backend;

  /**
   * One static token restricted to: a (unrestricted inside a), b (only some permissions), c
   * (only read actions); d is not listed at all.
   */
  @BeforeEach
  void start() throws Exception {
    idp = new TestIdentityProvider("idp-key-1");
    server = new JwksServer().serve(JWKS_PATH, idp::jwks);
    Map<String, Object> entry = Map.of("type", "static",
        "options", Map.of("token", TOKEN, "subject", "ci"),
        "accessRestrictions", List.of(
            Map.of("plugin", "a"),
            Map.of("plugin", "b", "permission", "catalog.entity.read"),
            Map.of("plugin", "c", "permissionAttribute", Map.of("action", "read")),
            Map.of("plugin", "e")));
    Map<String, Object> config = Map.of("backend", Map.of("auth", Map.of("externalAccess", List.of(entry,
        Map.of("type", "static", "options", Map.of("token", "unrestricted-token", "subject", "admin"))))));
    backend = AuthBackends.start(config, clock,
        new TestDiscovery().route("auth", server.url("/api/auth")), "a", "b", "c", "d", "e");
  }

  @AfterEach
  void stop() {
    backend.close();
    server.close();
  }

  private AuthService auth(String pluginId) {
    return backend.service(CoreServices.AUTH, pluginId);
  }

  @Test
  void aRestrictedCallerCannotBeForwardedToAPluginOutsideItsRestrictions() {
    BackstageCredentials<BackstagePrincipal> ci = auth("a").authenticate(TOKEN);
    NotAllowedError e = assertThrows(NotAllowedError.class, () -> auth("a").getPluginRequestToken(ci, "d"));
    assertEquals("Access to target plugin 'd' is not included in token's access restrictions", e.getMessage());
    assertEquals(403, e.statusCode());
  }

  @Test
  void aCallerRestrictedByPermissionAtTheTargetCannotBeDelegated() {
    BackstageCredentials<BackstagePrincipal> ci = auth("a").authenticate(TOKEN);
    NotAllowedError names = assertThrows(NotAllowedError.class, () -> auth("a").getPluginRequestToken(ci, "b"));
    assertEquals("Access to target plugin 'b' is restricted and cannot be delegated", names.getMessage());
    NotAllowedError actions = assertThrows(NotAllowedError.class, () -> auth("a").getPluginRequestToken(ci, "c"));
    assertEquals("Access to target plugin 'c' is restricted and cannot be delegated", actions.getMessage());
  }

  @Test
  void aCallerUnrestrictedAtTheTargetIsForwardedAsThisPlugin() {
    BackstageCredentials<BackstagePrincipal> ci = auth("a").authenticate(TOKEN);
    String token = auth("a").getPluginRequestToken(ci, "e").token();
    assertEquals(new BackstageServicePrincipal("plugin:a"), auth("e").authenticate(token).principal());
  }

  @Test
  void restrictedCredentialsBuiltByHandCarryNoRestrictionMapAndAreRefused() {
    BackstageCredentials<?> byHand = new BackstageCredentials<>(
        new BackstageServicePrincipal("ci", new BackstagePrincipalAccessRestrictions(null, null)), null);
    NotAllowedError e = assertThrows(NotAllowedError.class, () -> auth("a").getPluginRequestToken(byHand, "e"));
    assertEquals("Access to target plugin 'e' is not included in token's access restrictions", e.getMessage());
  }

  @Test
  void anUnrestrictedExternalCallerIsForwardedAnywhere() {
    BackstageCredentials<BackstagePrincipal> admin = auth("a").authenticate("unrestricted-token");
    String token = auth("a").getPluginRequestToken(admin, "d").token();
    assertEquals(new BackstageServicePrincipal("plugin:a"), auth("d").authenticate(token).principal());
  }

  @Test
  void aLimitedUserIsForwardedAsThatLimitedUserNeverAsAServiceOrFullUser() throws Exception {
    String full = idp.userToken("user:default/jane", List.of("user:default/jane"),
        clock.instant(), clock.instant().plus(Duration.ofMinutes(30)));
    String limited = auth("a").getLimitedUserToken(
        auth("a").authenticate(full).as(BackstageUserPrincipal.class).orElseThrow()).token();
    BackstageCredentials<BackstagePrincipal> cookieUser = auth("a").authenticate(limited, true);

    String forwarded = auth("a").getPluginRequestToken(cookieUser, "b").token();

    SignedJWT jwt = SignedJWT.parse(forwarded);
    assertEquals(limited, jwt.getJWTClaimsSet().getClaim("obo"), "the limited token travels as it is");
    assertEquals(clock.instant().plus(Duration.ofMinutes(30)), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
    BackstageCredentials<BackstagePrincipal> atB = auth("b").authenticate(forwarded);
    assertEquals(new BackstageUserPrincipal("user:default/jane"), atB.principal());
    // forwarded again from b, it is still the limited token: no step up to a full token
    String again = auth("b").getPluginRequestToken(atB, "c").token();
    assertEquals(limited, SignedJWT.parse(again).getJWTClaimsSet().getClaim("obo"));
    // the limited token alone is still refused where limited access is not allowed
    AuthenticationError e = assertThrows(AuthenticationError.class, () -> auth("b").authenticate(limited));
    assertEquals("Illegal limited user token", e.getMessage());
  }

  @Test
  void aFullUserTokenWithoutIdentityProofIsNotForwarded() throws Exception {
    String noUip = idp.sign(new JOSEObjectType("vnd.backstage.user"), new JWTClaimsSet.Builder()
        .subject("user:default/jane").audience("backstage")
        .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(600)))
        .build());
    BackstageCredentials<BackstagePrincipal> jane = auth("a").authenticate(noUip);
    AuthenticationError e = assertThrows(AuthenticationError.class, () -> auth("a").getPluginRequestToken(jane, "b"));
    assertEquals("Failed to create limited user token, missing user identity proof", e.getMessage());
    assertTrue(e.statusCode() == 401);
  }
}
