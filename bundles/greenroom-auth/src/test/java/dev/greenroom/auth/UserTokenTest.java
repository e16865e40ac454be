package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstageToken;
import dev.greenroom.backend.api.services.BackstageUserInfo;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.UserInfoService;
import dev.greenroom.backend.test.base.TestBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User tokens from an auth backend (served over real HTTP), limited tokens, on-behalf-of calls. */
class UserTokenTest {
  private static final String JWKS_PATH = "/api/auth/.well-known/jwks.json";
  private static final List<String> ENT = List.of("user:default/jane", "group:default/team-a");

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private JwksServer server;
  private TestIdentityProvider idp;
  private TestBackend backend;

  @BeforeEach
  void start() throws Exception {
    idp = new TestIdentityProvider("idp-key-1");
    server = new JwksServer().serve(JWKS_PATH, idp::jwks);
    // Backstage's way: the auth plugin's JWKS found through discovery
    TestDiscovery discovery = new TestDiscovery().route("auth", server.url("/api/auth"));
    backend = AuthBackends.start(Map.of(), clock, discovery, "a", "b");
  }

  @AfterEach
  void stop() {
    backend.close();
    server.close();
  }

  private String userToken() throws Exception {
    return idp.userToken("user:default/jane", ENT, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
  }

  @Test
  void aUserTokenGivesUserCredentialsExpiringWithTheToken() throws Exception {
    BackstageCredentials<BackstagePrincipal> credentials = auth("a").authenticate(userToken());

    assertEquals(new BackstageUserPrincipal("user:default/jane"), credentials.principal());
    assertEquals(clock.instant().plus(Duration.ofHours(1)), credentials.expiresAt());
    assertTrue(server.hits(JWKS_PATH) >= 1);
  }

  @Test
  void userInfoComesFromTheTokenClaims() throws Exception {
    BackstageCredentials<BackstagePrincipal> credentials = auth("a").authenticate(userToken());
    UserInfoService userInfo = backend.service(CoreServices.USER_INFO, "a");

    assertEquals(new BackstageUserInfo("user:default/jane", ENT), userInfo.getUserInfo(credentials));
    InputError e = assertThrows(InputError.class,
        () -> userInfo.getUserInfo(auth("a").getOwnServiceCredentials()));
    assertEquals("Only user credentials are supported", e.getMessage());
  }

  @Test
  void theLimitedTokenIsRebuiltFromUipAndOnlyAcceptedWithLimitedAccess() throws Exception {
    AuthService a = auth("a");
    BackstageUserPrincipal jane = new BackstageUserPrincipal("user:default/jane");
    BackstageCredentials<BackstageUserPrincipal> credentials =
        a.authenticate(userToken()).as(BackstageUserPrincipal.class).orElseThrow();

    BackstageToken limited = a.getLimitedUserToken(credentials);

    SignedJWT jwt = SignedJWT.parse(limited.token());
    assertEquals("vnd.backstage.limited-user", jwt.getHeader().getType().getType());
    assertEquals(Map.of("sub", "user:default/jane", "iat", clock.instant().getEpochSecond(),
        "exp", clock.instant().plus(Duration.ofHours(1)).getEpochSecond()), jwt.getJWTClaimsSet().toJSONObject());
    assertEquals(clock.instant().plus(Duration.ofHours(1)), limited.expiresAt());
    AuthenticationError e = assertThrows(AuthenticationError.class, () -> a.authenticate(limited.token()));
    assertEquals("Illegal limited user token", e.getMessage());
    assertEquals(jane, a.authenticate(limited.token(), true).principal());
  }

  @Test
  void aPluginCallsAnotherOnBehalfOfTheUser() throws Exception {
    AuthService a = auth("a");
    AuthService b = auth("b");
    BackstageCredentials<BackstagePrincipal> user = a.authenticate(userToken());
    clock.advance(Duration.ofMinutes(30));

    BackstageToken token = a.getPluginRequestToken(user, "b");

    SignedJWT jwt = SignedJWT.parse(token.token());
    assertEquals("a", jwt.getJWTClaimsSet().getSubject());
    assertTrue(jwt.getJWTClaimsSet().getStringClaim("obo").contains("."), "carries the limited user token");
    // capped by the user's token: 30 minutes left, not a full hour
    assertEquals(clock.instant().plus(Duration.ofMinutes(30)), token.expiresAt());
    BackstageCredentials<BackstagePrincipal> atB = b.authenticate(token.token());
    assertEquals(new BackstageUserPrincipal("user:default/jane"), atB.principal());
    assertEquals(token.expiresAt(), atB.expiresAt());
  }

  @Test
  void badUserTokensAreRefused() throws Exception {
    AuthService a = auth("a");
    Instant now = clock.instant();
    String wrongAudience = idp.userToken("user:default/jane", ENT, now, now.plusSeconds(600), "other", null);
    String expired = idp.userToken("user:default/jane", ENT, now.minusSeconds(7200), now.minusSeconds(1));
    String foreign = new TestIdentityProvider("idp-key-1")
        .userToken("user:default/jane", ENT, now, now.plusSeconds(600));

    for (String token : List.of(wrongAudience, expired, foreign)) {
      AuthenticationError e = assertThrows(AuthenticationError.class, () -> a.authenticate(token));
      assertEquals("Failed user token verification", e.getMessage());
    }
  }

  @Test
  void aConfiguredIssuerAndJwksUrlReplaceDiscovery() throws Exception {
    Map<String, Object> config = Map.of("backend", Map.of("auth", Map.of("userTokens",
        Map.of("jwksUrl", server.url(JWKS_PATH), "issuer", "https://idp.example.com"))));
    try (TestBackend other = AuthBackends.start(config, clock, new TestDiscovery(), "a")) {
      AuthService a = other.service(CoreServices.AUTH, "a");
      Instant now = clock.instant();
      String good = idp.userToken("user:default/jane", ENT, now, now.plusSeconds(600), "backstage",
          "https://idp.example.com");
      String otherIssuer = idp.userToken("user:default/jane", ENT, now, now.plusSeconds(600), "backstage",
          "https://elsewhere.example.com");

      assertEquals(new BackstageUserPrincipal("user:default/jane"), a.authenticate(good).principal());
      AuthenticationError e = assertThrows(AuthenticationError.class, () -> a.authenticate(otherIssuer));
      assertEquals("Failed user token verification", e.getMessage());
    }
  }

  private AuthService auth(String pluginId) {
    return backend.service(CoreServices.AUTH, pluginId);
  }
}
