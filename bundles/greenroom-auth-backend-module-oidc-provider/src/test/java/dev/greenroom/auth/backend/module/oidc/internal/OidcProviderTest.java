package dev.greenroom.auth.backend.module.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTParser;
import dev.greenroom.auth.backend.internal.TokenFactory;
import dev.greenroom.auth.node.AuthProviderFactoryContext;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.base.MapConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The authorization-code flow against a fake issuer on loopback: real HTTP to the issuer, fake servlet objects for the provider. */
class OidcProviderTest {
  private static final String APP = "http://127.0.0.1:7007";
  private final CapturingLogger log = new CapturingLogger();
  private final TokenFactory tokens = new TokenFactory(APP + "/api/auth", Duration.ofHours(1), log.logger(), Clock.systemUTC());
  private final List<String> issuedCookies = new ArrayList<>();
  private final FakeIssuer issuer = new FakeIssuer();

  OidcProviderTest() throws Exception {}

  @AfterEach
  void stop() {
    issuer.close();
  }

  private OidcProvider provider(Map<String, Object> extra) {
    Map<String, Object> env = new LinkedHashMap<>(Map.of(
        "metadataUrl", issuer.metadataUrl(), "clientId", FakeIssuer.CLIENT_ID, "clientSecret", FakeIssuer.CLIENT_SECRET,
        "signIn", Map.of("resolvers", List.of(Map.of("resolver", "emailLocalPartMatchingUserEntityName",
            "dangerouslyAllowSignInWithoutUserInCatalog", true)))));
    env.putAll(extra);
    return new OidcProvider(new AuthProviderFactoryContext(
        "oidc", MapConfigs.rootConfig(Map.of("development", env)), "development", APP + "/api/auth", APP,
        origin -> origin.startsWith(APP), tokens::issueToken, (response, token) -> issuedCookies.add(token),
        log.logger(), Clock.systemUTC()));
  }

  /** start, then the issuer's authorize redirect: the callback's query and the cookies start set. */
  private record Callback(Map<String, String> query, Map<String, String> cookies) {}

  private Callback startAndAuthorize(OidcProvider oidc) throws Exception {
    FakeHttp.Recorded start = new FakeHttp.Recorded();
    oidc.start(FakeHttp.request(Map.of("env", "development", "flow", "redirect", "redirectUrl", APP + "/examples")), start.response());
    assertEquals(302, start.status);
    String authorize = start.header("Location");
    Map<String, String> q = FakeIssuer.form(URI.create(authorize).getRawQuery());
    assertEquals("code", q.get("response_type"));
    assertEquals("S256", q.get("code_challenge_method"));
    assertEquals(APP + "/api/auth/oidc/handler/frame", q.get("redirect_uri"));
    assertEquals("openid profile email", q.get("scope"));
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String c : start.headers.get("Set-Cookie")) {
      assertTrue(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Path=/api/auth/oidc/handler"), c);
      String nv = c.substring(0, c.indexOf(';'));
      cookies.put(nv.substring(0, nv.indexOf('=')), nv.substring(nv.indexOf('=') + 1));
    }
    assertEquals(q.get("nonce"), cookies.get("oidc-nonce"));
    HttpResponse<Void> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorize)).build(),
        HttpResponse.BodyHandlers.discarding());
    assertEquals(302, back.statusCode());
    String location = back.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(APP + "/api/auth/oidc/handler/frame?"), location);
    return new Callback(FakeIssuer.form(URI.create(location).getRawQuery()), cookies);
  }

  @Test
  void signsInThroughTheIssuerAndRedirectsBackWithTheUserCookie() throws Exception {
    OidcProvider oidc = provider(Map.of());
    Callback cb = startAndAuthorize(oidc);
    FakeHttp.Recorded frame = new FakeHttp.Recorded();
    oidc.frameHandler(FakeHttp.request(cb.query(), cb.cookies()), frame.response());
    assertEquals(302, frame.status);
    assertEquals(APP + "/examples", frame.header("Location"));
    assertEquals(1, issuedCookies.size());
    assertEquals("user:default/ada", JWTParser.parse(issuedCookies.get(0)).getJWTClaimsSet().getSubject());
    assertTrue(frame.headers.get("Set-Cookie").stream().anyMatch(c -> c.startsWith("oidc-nonce=;") && c.contains("Max-Age=0")));
  }

  @Test
  void aWrongNonceCookieIsRefused() throws Exception {
    OidcProvider oidc = provider(Map.of());
    Callback cb = startAndAuthorize(oidc);
    Map<String, String> cookies = new LinkedHashMap<>(cb.cookies());
    cookies.put("oidc-nonce", "someone-else");
    FakeHttp.Recorded frame = new FakeHttp.Recorded();
    oidc.frameHandler(FakeHttp.request(cb.query(), cookies), frame.response());
    assertEquals(APP + "?error=Invalid+nonce", frame.header("Location"));
    assertTrue(issuedCookies.isEmpty());
  }

  @Test
  void aWrongPkceVerifierIsRefusedByTheIssuer() throws Exception {
    OidcProvider oidc = provider(Map.of());
    Callback cb = startAndAuthorize(oidc);
    Map<String, String> cookies = new LinkedHashMap<>(cb.cookies());
    cookies.put("oidc-pkce", "not-the-verifier");
    FakeHttp.Recorded frame = new FakeHttp.Recorded();
    oidc.frameHandler(FakeHttp.request(cb.query(), cookies), frame.response());
    assertTrue(frame.header("Location").startsWith(APP + "?error=The+OIDC+token+endpoint+refused+the+grant"), frame.header("Location"));
    assertTrue(issuedCookies.isEmpty());
  }

  @Test
  void anIdTokenFromAnotherIssuerIsRefused() throws Exception {
    OidcProvider oidc = provider(Map.of());
    Callback cb = startAndAuthorize(oidc);
    issuer.issuerClaim = "https://impostor.example";
    FakeHttp.Recorded frame = new FakeHttp.Recorded();
    oidc.frameHandler(FakeHttp.request(cb.query(), cb.cookies()), frame.response());
    assertTrue(frame.header("Location").startsWith(APP + "?error=Invalid+ID+token"), frame.header("Location"));
    assertTrue(issuedCookies.isEmpty());
  }

  @Test
  void withoutTheDangerousOptionThereIsNoUserWithoutACatalog() throws Exception {
    OidcProvider oidc = provider(Map.of("signIn", Map.of("resolvers", List.of(Map.of("resolver", "emailMatchingUserEntityProfileEmail")))));
    Callback cb = startAndAuthorize(oidc);
    FakeHttp.Recorded frame = new FakeHttp.Recorded();
    oidc.frameHandler(FakeHttp.request(cb.query(), cb.cookies()), frame.response());
    assertTrue(frame.header("Location").startsWith(APP + "?error=Failed+to+sign-in%2C+unable+to+resolve+user+identity"), frame.header("Location"));
  }

  @Test
  void aRedirectToAnotherOriginIsRefusedAtStart() {
    OidcProvider oidc = provider(Map.of());
    NotAllowedError e = assertThrows(NotAllowedError.class, () -> oidc.start(
        FakeHttp.request(Map.of("env", "development", "flow", "redirect", "redirectUrl", "https://evil.example/")),
        new FakeHttp.Recorded().response()));
    assertEquals("Redirect URL is not an allowed origin", e.getMessage());
  }

  @Test
  void aMissingClientIdNamesTheKey() {
    Map<String, Object> env = Map.of("metadataUrl", issuer.metadataUrl(), "clientSecret", "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OidcProvider(new AuthProviderFactoryContext(
        "oidc", MapConfigs.rootConfig(Map.of("development", env)), "development", APP + "/api/auth", APP,
        origin -> true, tokens::issueToken, (r, t) -> { }, log.logger(), Clock.systemUTC())));
    assertEquals("Missing required config value at 'auth.providers.oidc.development.clientId'", e.getMessage());
    assertTrue(!String.valueOf(OidcEnvironment.read("development",
        MapConfigs.rootConfig(Map.of("metadataUrl", "m", "clientId", "c", "clientSecret", "hush")), APP)).contains("hush"));
  }
}
