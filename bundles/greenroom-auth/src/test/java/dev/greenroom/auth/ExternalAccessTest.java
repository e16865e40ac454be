package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.auth.internal.external.ExternalAccessConfigError;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.PermissionAction;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.test.base.TestBackend;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** backend.auth.externalAccess: static, legacy and jwks tokens, restrictions, and config errors. */
class ExternalAccessTest {
  private static Map<String, Object> externalAccess(Object... entries) {
    return Map.of("backend", Map.of("auth", Map.of("externalAccess", List.of(entries))));
  }

  private static Map<String, Object> staticEntry(String token, String subject) {
    return Map.of("type", "static", "options", Map.of("token", token, "subject", subject));
  }

  private static TestBackend start(Map<String, Object> config, String... plugins) {
    return AuthBackends.start(config, Clock.systemUTC(), new TestDiscovery(), plugins);
  }

  @Test
  void aStaticTokenAuthenticatesItsSubject() {
    try (TestBackend backend = start(externalAccess(staticEntry("0123456789abcdef", "ci")), "a")) {
      assertEquals(new BackstageServicePrincipal("ci"),
          backend.service(CoreServices.AUTH, "a").authenticate("0123456789abcdef").principal());
      AuthenticationError e = assertThrows(AuthenticationError.class,
          () -> backend.service(CoreServices.AUTH, "a").authenticate("0123456789abcdeX"));
      assertEquals("Illegal token", e.getMessage());
    }
  }

  @Test
  void accessRestrictionsLimitPluginsAndCarryPermissions() {
    Map<String, Object> entry = Map.of("type", "static",
        "options", Map.of("token", "0123456789abcdef", "subject", "ci"),
        "accessRestrictions", List.of(
            Map.of("plugin", "a", "permission", "catalog.entity.read, catalog.entity.refresh",
                "permissionAttribute", Map.of("action", List.of("read", "update"))),
            Map.of("plugin", "b")));
    try (TestBackend backend = start(externalAccess(entry), "a", "b", "c")) {
      assertEquals(
          new BackstageServicePrincipal("ci", new BackstagePrincipalAccessRestrictions(
              List.of("catalog.entity.read", "catalog.entity.refresh"),
              List.of(PermissionAction.READ, PermissionAction.UPDATE))),
          backend.service(CoreServices.AUTH, "a").authenticate("0123456789abcdef").principal());
      assertEquals(new BackstageServicePrincipal("ci", new BackstagePrincipalAccessRestrictions(null, null)),
          backend.service(CoreServices.AUTH, "b").authenticate("0123456789abcdef").principal());
      NotAllowedError e = assertThrows(NotAllowedError.class,
          () -> backend.service(CoreServices.AUTH, "c").authenticate("0123456789abcdef"));
      assertEquals("This token's access is restricted to plugin(s) 'a', 'b'", e.getMessage());
    }
  }

  @Test
  void legacyTokensAreHs256WithTheSharedSecret() throws Exception {
    byte[] secret = "a-legacy-shared-secret".getBytes();
    Map<String, Object> entry = Map.of("type", "legacy",
        "options", Map.of("secret", Base64.getEncoder().encodeToString(secret), "subject", "old-caller"));
    try (TestBackend backend = start(externalAccess(entry), "a")) {
      // signed with the JDK: nimbus's MACSigner refuses a secret this short, Backstage accepts it
      String token = legacyToken(secret);
      assertEquals(new BackstageServicePrincipal("old-caller"),
          backend.service(CoreServices.AUTH, "a").authenticate(token).principal());
      AuthenticationError e = assertThrows(AuthenticationError.class,
          () -> backend.service(CoreServices.AUTH, "a").authenticate(legacyToken("another".getBytes())));
      assertEquals("Illegal token", e.getMessage());
    }
  }

  @Test
  void jwksTokensGetAnExternalSubject() throws Exception {
    TestIdentityProvider issuer = new TestIdentityProvider("ext-1");
    try (JwksServer server = new JwksServer().serve("/jwks", issuer::jwks)) {
      Map<String, Object> entry = Map.of("type", "jwks", "options", Map.of(
          "url", server.url("/jwks"), "issuer", "https://ci.example.com", "audience", "backstage-api",
          "subjectPrefix", "ci"));
      try (TestBackend backend = start(externalAccess(entry), "a")) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ext-1").build(),
            new JWTClaimsSet.Builder().issuer("https://ci.example.com").audience("backstage-api")
                .subject("pipeline-7").expirationTime(Date.from(now.plusSeconds(600))).build());
        jwt.sign(new ECDSASigner(issuer.key));

        assertEquals(new BackstageServicePrincipal("external:ci:pipeline-7"),
            backend.service(CoreServices.AUTH, "a").authenticate(jwt.serialize()).principal());
      }
    }
  }

  private static String legacyToken(byte[] secret) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes()) + "."
        + b64.encodeToString(("{\"sub\":\"backstage-server\",\"exp\":"
            + Instant.now().plusSeconds(600).getEpochSecond() + "}").getBytes());
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
    return input + "." + b64.encodeToString(mac.doFinal(input.getBytes()));
  }

  // --- startup validation: Backstage's messages, plus the key they are about ---

  /** The error that failed plugin a's startup. */
  private static Throwable startupFailure(Map<String, Object> config) {
    BackendStartupError e = assertThrows(BackendStartupError.class, () -> start(config, "a").close());
    return e.result().plugins().stream()
        .filter(p -> p.failure() != null)
        .findFirst()
        .orElseThrow()
        .failure()
        .error();
  }

  private static ExternalAccessConfigError configError(Map<String, Object> config) {
    Throwable failure = startupFailure(config);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ExternalAccessConfigError error) {
        return error;
      }
    }
    throw new AssertionError("no ExternalAccessConfigError in " + failure, failure);
  }

  @Test
  void staticTokenValidation() {
    ExternalAccessConfigError space = configError(externalAccess(staticEntry("has space 123", "ci")));
    assertEquals("Illegal token, must be a set of non-space characters", space.reason());
    assertEquals("Illegal token, must be a set of non-space characters at 'backend.auth.externalAccess[0].options.token'",
        space.getMessage());

    assertEquals("Illegal token, must be at least 8 characters length",
        configError(externalAccess(staticEntry("short", "ci"))).reason());
    assertEquals("Illegal subject, must be a set of non-space characters",
        configError(externalAccess(staticEntry("0123456789", "c i"))).reason());
    ExternalAccessConfigError twice = configError(
        externalAccess(staticEntry("0123456789", "ci"), staticEntry("0123456789", "cd")));
    assertEquals("Static externalAccess token was declared more than once", twice.reason());
    assertEquals("backend.auth.externalAccess[1].options.token", twice.configKey());
  }

  @Test
  void unknownTypeAndBadRestrictionsAreRefused() {
    ExternalAccessConfigError type = configError(externalAccess(Map.of("type", "magic", "options", Map.of())));
    assertEquals("Unknown type 'magic' in backend.auth.externalAccess, expected one of 'static', 'legacy', 'jwks'",
        type.reason());
    assertEquals("backend.auth.externalAccess[0].type", type.configKey());

    Map<String, Object> base = Map.of("token", "0123456789", "subject", "ci");
    assertEquals("Invalid key 'plugins' in 'accessRestrictions' config, expected one of 'plugin', 'permission', 'permissionAttribute'",
        configError(externalAccess(Map.of("type", "static", "options", base,
            "accessRestrictions", List.of(Map.of("plugins", "a"))))).reason());
    assertEquals("Attempted to declare 'accessRestrictions' twice for plugin 'a', which is not permitted",
        configError(externalAccess(Map.of("type", "static", "options", base,
            "accessRestrictions", List.of(Map.of("plugin", "a"), Map.of("plugin", "a"))))).reason());
    assertEquals("Invalid key 'verb' in 'permissionAttribute' config, expected 'action'",
        configError(externalAccess(Map.of("type", "static", "options", base,
            "accessRestrictions", List.of(Map.of("plugin", "a", "permissionAttribute", Map.of("verb", "read")))))).reason());
    assertEquals("Invalid value 'write' at 'action' in 'permissionAttributes' config, valid values are 'create', 'read', 'update', 'delete'",
        configError(externalAccess(Map.of("type", "static", "options", base,
            "accessRestrictions", List.of(Map.of("plugin", "a", "permissionAttribute", Map.of("action", "read,write")))))).reason());
  }

  @Test
  void legacyAndJwksValidation() {
    assertEquals("Illegal secret, must be a valid base64 string",
        configError(externalAccess(Map.of("type", "legacy",
            "options", Map.of("secret", "not base64!", "subject", "x")))).reason());
    assertEquals("Illegal secret, must be a valid base64 string",
        configError(externalAccess(Map.of("type", "legacy",
            "options", Map.of("secret", "abc=de", "subject", "x")))).reason());
    assertEquals("Illegal JWKS URL, must be a set of non-space characters",
        configError(externalAccess(Map.of("type", "jwks", "options", Map.of("url", "http://x y")))).reason());
  }

  @Test
  void aMissingSubjectIsTheConfigReadersErrorNamingTheKey() {
    Throwable failure = startupFailure(
        externalAccess(Map.of("type", "static", "options", Map.of("token", "0123456789"))));
    assertEquals("Failed to instantiate service 'core.auth' for 'a' because the factory function threw an error, "
        + "Error: Missing required config value at 'backend.auth.externalAccess[0].options.subject' in 'test config'",
        failure.getMessage());
  }

  @Test
  void theStartupErrorNamesPluginServiceAndKey() {
    Throwable failure = startupFailure(externalAccess(staticEntry("short", "ci")));
    assertEquals("Failed to instantiate service 'core.auth' for 'a' because the factory function threw an error, "
        + "ExternalAccessConfigError: Illegal token, must be at least 8 characters length "
        + "at 'backend.auth.externalAccess[0].options.token'",
        failure.getMessage());
  }
}
