package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.test.base.TestBackend;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** core.httpAuth: the Bearer header, the user cookie, allowed principal kinds, issuing the cookie. */
class HttpAuthTest {
  private static final EnumSet<BackstagePrincipalType> USER_OR_SERVICE =
      EnumSet.of(BackstagePrincipalType.USER, BackstagePrincipalType.SERVICE);
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private JwksServer server;
  private TestIdentityProvider idp;
  private TestBackend backend;
  private HttpAuthService httpAuth;
  private AuthService auth;

  @BeforeEach
  void start() throws Exception {
    idp = new TestIdentityProvider("idp-1");
    server = new JwksServer().serve("/api/auth/.well-known/jwks.json", idp::jwks);
    TestDiscovery discovery = new TestDiscovery("https://backstage.example.com").route("auth", server.url("/api/auth"));
    backend = AuthBackends.start(Map.of(), clock, discovery, "a", "b");
    httpAuth = backend.service(CoreServices.HTTP_AUTH, "b");
    auth = backend.service(CoreServices.AUTH, "a");
  }

  @AfterEach
  void stop() {
    backend.close();
    server.close();
  }

  private String userToken() throws Exception {
    return idp.userToken("user:default/jane", List.of("user:default/jane"), clock.instant(),
        clock.instant().plus(Duration.ofHours(1)));
  }

  @Test
  void noCredentialsIsMissingCredentials() {
    AuthenticationError e = assertThrows(AuthenticationError.class,
        () -> httpAuth.credentials(FakeHttp.request(null, null), USER_OR_SERVICE, false));
    assertEquals("Missing credentials", e.getMessage());
    assertEquals(401, e.statusCode());
    assertEquals(BackstagePrincipalType.NONE, httpAuth.credentials(FakeHttp.request("Basic abc", null),
        EnumSet.of(BackstagePrincipalType.NONE), false).principal().type());
  }

  @Test
  void anAnonymousCallerGetsNoneCredentialsWhereNoneIsAllowed() throws Exception {
    // Backstage's DefaultHttpAuthService: allow including 'none' returns the none credentials
    var all = EnumSet.of(BackstagePrincipalType.NONE, BackstagePrincipalType.USER, BackstagePrincipalType.SERVICE);
    assertEquals(BackstagePrincipalType.NONE,
        httpAuth.credentials(FakeHttp.request(null, null), all, false).principal().type());
    assertEquals(BackstagePrincipalType.NONE,
        httpAuth.credentials(FakeHttp.request(null, null), all, true).principal().type(), "no header, no cookie");
    assertEquals(BackstagePrincipalType.NONE, httpAuth.credentials(FakeHttp.request(null, null),
        EnumSet.of(BackstagePrincipalType.NONE), false).principal().type());
    // with a token, the token decides; 'none' allowed does not excuse a bad one
    assertEquals(BackstagePrincipalType.USER,
        httpAuth.credentials(FakeHttp.request("Bearer " + userToken(), null), all, false).principal().type());
    AuthenticationError bad = assertThrows(AuthenticationError.class,
        () -> httpAuth.credentials(FakeHttp.request("Bearer not-a-token", null), all, false));
    assertEquals("Illegal token", bad.getMessage());
  }

  @Test
  void aBearerServiceTokenIsAcceptedWhereServicesAreAllowed() {
    String token = auth.getPluginRequestToken(auth.getOwnServiceCredentials(), "b").token();

    assertEquals(new BackstageServicePrincipal("plugin:a"),
        httpAuth.credentials(FakeHttp.request("bearer   " + token, null)).principal());
    NotAllowedError e = assertThrows(NotAllowedError.class, () -> httpAuth.credentials(
        FakeHttp.request("Bearer " + token, null), EnumSet.of(BackstagePrincipalType.USER), false));
    assertEquals("This endpoint does not allow 'service' credentials", e.getMessage());
    assertEquals(403, e.statusCode());
  }

  @Test
  void anInvalidBearerTokenIsUnauthenticated() {
    AuthenticationError e = assertThrows(AuthenticationError.class,
        () -> httpAuth.credentials(FakeHttp.request("Bearer nonsense", null), USER_OR_SERVICE, false));
    assertEquals("Illegal token", e.getMessage());
  }

  @Test
  void theCookieCountsOnlyWithLimitedAccess() throws Exception {
    String limited = auth.getLimitedUserToken(
        auth.authenticate(userToken()).as(BackstageUserPrincipal.class).orElseThrow()).token();

    AuthenticationError e = assertThrows(AuthenticationError.class,
        () -> httpAuth.credentials(FakeHttp.request(null, limited), USER_OR_SERVICE, false));
    assertEquals("Missing credentials", e.getMessage());
    assertEquals(new BackstageUserPrincipal("user:default/jane"),
        httpAuth.credentials(FakeHttp.request(null, limited), USER_OR_SERVICE, true).principal());
    NotAllowedError notUser = assertThrows(NotAllowedError.class, () -> httpAuth.credentials(
        FakeHttp.request(null, limited), EnumSet.of(BackstagePrincipalType.SERVICE), true));
    assertEquals("This endpoint does not allow 'user' credentials", notUser.getMessage());
  }

  @Test
  void issueUserCookieSetsTheLimitedTokenAndKeepsAFreshOne() throws Exception {
    FakeHttp.Response response = new FakeHttp.Response(false);
    HttpServletRequest request = FakeHttp.request("Bearer " + userToken(), null);

    Instant expiresAt = httpAuth.issueUserCookie(request, response.servlet);

    assertEquals(clock.instant().plus(Duration.ofHours(1)), expiresAt);
    assertEquals(1, response.setCookies.size());
    String cookie = response.setCookies.get(0);
    String limited = cookie.substring("backstage-auth=".length(), cookie.indexOf(';'));
    assertEquals("backstage-auth=" + limited + "; Domain=backstage.example.com; Path=/; "
        + "Expires=Wed, 1 Jan 2025 01:00:00 GMT; HttpOnly; Secure; Priority=High; SameSite=None", cookie);
    assertEquals(new BackstageUserPrincipal("user:default/jane"), auth.authenticate(limited, true).principal());

    // a cookie valid for more than five more minutes is kept
    FakeHttp.Response again = new FakeHttp.Response(false);
    assertEquals(expiresAt, httpAuth.issueUserCookie(FakeHttp.request("Bearer " + userToken(), limited), again.servlet));
    assertEquals(List.of(), again.setCookies);
  }

  @Test
  void issueUserCookieRefusesServicesAndCommittedResponses() {
    AuthenticationError e = assertThrows(AuthenticationError.class,
        () -> httpAuth.issueUserCookie(new FakeHttp.Response(false).servlet, auth.getOwnServiceCredentials()));
    assertEquals("Refused to issue cookie for non-user principal", e.getMessage());
    IllegalStateException committed = assertThrows(IllegalStateException.class,
        () -> httpAuth.issueUserCookie(new FakeHttp.Response(true).servlet, auth.getNoneCredentials()));
    assertEquals("Failed to issue user cookie, headers were already sent", committed.getMessage());

    FakeHttp.Response cleared = new FakeHttp.Response(false);
    httpAuth.issueUserCookie(cleared.servlet, auth.getNoneCredentials());
    assertTrue(cleared.setCookies.get(0).startsWith("backstage-auth=; Domain=backstage.example.com; Path=/; "
        + "Expires=Thu, 1 Jan 1970 00:00:00 GMT"), cleared.setCookies.toString());
  }
}
