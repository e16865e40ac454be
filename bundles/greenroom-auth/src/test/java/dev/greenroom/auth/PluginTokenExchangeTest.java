package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageToken;
import dev.greenroom.backend.test.base.TestBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plugins of one backend, and of two backends, exchanging service tokens. */
class PluginTokenExchangeTest {
  @Test
  void aTokenForBIsAcceptedByBAndRefusedByC() throws Exception {
    try (TestBackend backend = AuthBackends.start(new TestDiscovery(), "a", "b", "c")) {
      AuthService a = backend.service(CoreServices.AUTH, "a");
      AuthService b = backend.service(CoreServices.AUTH, "b");
      AuthService c = backend.service(CoreServices.AUTH, "c");

      BackstageToken token = a.getPluginRequestToken(a.getOwnServiceCredentials(), "b");

      BackstageCredentials<BackstagePrincipal> credentials = b.authenticate(token.token());
      assertEquals(new BackstageServicePrincipal("plugin:a"), credentials.principal());
      assertNull(credentials.expiresAt());
      AuthenticationError refused = assertThrows(AuthenticationError.class, () -> c.authenticate(token.token()));
      assertEquals("Failed plugin token verification", refused.getMessage());
    }
  }

  @Test
  void serviceTokensNameIssuerAndTargetAndAreSignedWithAPublishedKey() throws Exception {
    try (TestBackend backend = AuthBackends.start(new TestDiscovery(), "a", "b")) {
      AuthService a = backend.service(CoreServices.AUTH, "a");
      BackstageToken token = a.getPluginRequestToken(a.getOwnServiceCredentials(), "b");

      SignedJWT jwt = SignedJWT.parse(token.token());
      assertEquals("vnd.backstage.plugin", jwt.getHeader().getType().getType());
      assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
      assertEquals("a", jwt.getJWTClaimsSet().getSubject());
      assertEquals(List.of("b"), jwt.getJWTClaimsSet().getAudience());
      assertEquals(3600, jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond()
          - jwt.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond());
      assertEquals(token.expiresAt(), jwt.getJWTClaimsSet().getExpirationTime().toInstant());

      List<Map<String, Object>> keys = a.listPublicServiceKeys();
      assertEquals(1, keys.size());
      assertEquals(jwt.getHeader().getKeyID(), keys.get(0).get("kid"));
      assertEquals("EC", keys.get(0).get("kty"));
      assertTrue(!keys.get(0).containsKey("d"), "the private part must never be published");
      // b has issued nothing: it has no keys to publish
      assertEquals(List.of(), backend.service(CoreServices.AUTH, "b").listPublicServiceKeys());
    }
  }

  @Test
  void serviceCredentialsOfAnExternalCallerAreForwardedAsThisPlugin() throws Exception {
    try (TestBackend backend = AuthBackends.start(new TestDiscovery(), "a", "b")) {
      AuthService a = backend.service(CoreServices.AUTH, "a");
      AuthService b = backend.service(CoreServices.AUTH, "b");
      BackstageCredentials<?> caller = new BackstageCredentials<>(new BackstageServicePrincipal("external:ci"), null);

      BackstageToken token = a.getPluginRequestToken(caller, "b");

      assertEquals(new BackstageServicePrincipal("plugin:a"), b.authenticate(token.token()).principal());
    }
  }

  @Test
  void noneCredentialsAreRefusedUnlessTheDefaultPolicyIsDisabled() {
    try (TestBackend backend = AuthBackends.start(new TestDiscovery(), "a")) {
      AuthService a = backend.service(CoreServices.AUTH, "a");
      AuthenticationError e =
          assertThrows(AuthenticationError.class, () -> a.getPluginRequestToken(a.getNoneCredentials(), "b"));
      assertEquals("Refused to issue service token for credential type 'none'", e.getMessage());
    }
    Map<String, Object> disabled =
        Map.of("backend", Map.of("auth", Map.of("dangerouslyDisableDefaultAuthPolicy", true)));
    try (TestBackend backend =
        AuthBackends.start(disabled, java.time.Clock.systemUTC(), new TestDiscovery(), "a")) {
      AuthService a = backend.service(CoreServices.AUTH, "a");
      assertEquals("", a.getPluginRequestToken(a.getNoneCredentials(), "b").token());
    }
  }

  @Test
  void aTokenFromAPluginOfAnotherInstanceIsVerifiedThroughItsJwksEndpoint() throws Exception {
    try (JwksServer server = new JwksServer();
        TestBackend other = AuthBackends.start(new TestDiscovery(), "x");
        TestBackend here =
            AuthBackends.start(new TestDiscovery().route("x", server.url("/api/x")), "b")) {
      AuthService x = other.service(CoreServices.AUTH, "x");
      BackstageToken token = x.getPluginRequestToken(x.getOwnServiceCredentials(), "b");
      String path = "/api/x/.backstage/auth/v1/jwks.json";
      String jwks = new JWKSet(parseKeys(x)).toString();
      server.serve(path, () -> jwks);

      AuthService b = here.service(CoreServices.AUTH, "b");
      assertEquals(new BackstageServicePrincipal("plugin:x"), b.authenticate(token.token()).principal());
      assertEquals(new BackstageServicePrincipal("plugin:x"), b.authenticate(token.token()).principal());
      assertEquals(1, server.hits(path), "the remote key set is cached");
    }
  }

  @Test
  void aTokenFromAnUnreachableRemotePluginFailsWithoutDetail() throws Exception {
    try (TestBackend other = AuthBackends.start(new TestDiscovery(), "x");
        TestBackend here = AuthBackends.start(new TestDiscovery(), "b")) {
      AuthService x = other.service(CoreServices.AUTH, "x");
      BackstageToken token = x.getPluginRequestToken(x.getOwnServiceCredentials(), "b");
      AuthService b = here.service(CoreServices.AUTH, "b");

      AuthenticationError e = assertThrows(AuthenticationError.class, () -> b.authenticate(token.token()));
      assertEquals("Failed plugin token verification", e.getMessage());
      assertTrue(here.logs().messages().stream().anyMatch(m -> m.startsWith("Failed to verify incoming plugin token")),
          "the reason is logged for operators: " + here.logs().messages());
    }
  }

  static List<com.nimbusds.jose.jwk.JWK> parseKeys(AuthService auth) throws Exception {
    List<com.nimbusds.jose.jwk.JWK> out = new java.util.ArrayList<>();
    for (Map<String, Object> k : auth.listPublicServiceKeys()) {
      out.add(com.nimbusds.jose.jwk.JWK.parse(k));
    }
    return out;
  }
}
