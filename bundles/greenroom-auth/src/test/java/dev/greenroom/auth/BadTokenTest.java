package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.test.base.TestBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of bad token, made for real and signed where it matters, is an AuthenticationError
 * whose message is one of Backstage's fixed texts: nothing of the token or the keys leaks.
 */
class BadTokenTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private TestBackend backend;
  private AuthService a;
  private AuthService b;

  @BeforeEach
  void start() {
    backend = AuthBackends.start(Map.of(), clock, new TestDiscovery(), "a", "b", "c");
    a = backend.service(CoreServices.AUTH, "a");
    b = backend.service(CoreServices.AUTH, "b");
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  private String rejectedBy(AuthService auth, String token) {
    AuthenticationError e = assertThrows(AuthenticationError.class, () -> auth.authenticate(token));
    assertNull(e.getCause(), "no cause chain carries library detail to an error handler");
    return e.getMessage();
  }

  @Test
  void aBadSignatureIsRefused() throws Exception {
    String good = a.getPluginRequestToken(a.getOwnServiceCredentials(), "b").token();
    SignedJWT parsed = SignedJWT.parse(good);
    // same kid, same claims, another key: only the signature is wrong
    ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(parsed.getHeader().getKeyID()).generate();
    SignedJWT forged = new SignedJWT(parsed.getHeader(), parsed.getJWTClaimsSet());
    forged.sign(new ECDSASigner(impostor));

    assertEquals("Failed plugin token verification", rejectedBy(b, forged.serialize()));
  }

  @Test
  void aTamperedPayloadIsRefused() throws Exception {
    String good = a.getPluginRequestToken(a.getOwnServiceCredentials(), "c").token();
    String[] parts = good.split("\\.");
    String payload = Base64URL.encode(
        new JWTClaimsSet.Builder(SignedJWT.parse(good).getJWTClaimsSet()).audience("b").build().toString())
        .toString();

    assertEquals("Failed plugin token verification", rejectedBy(b, parts[0] + "." + payload + "." + parts[2]));
  }

  @Test
  void algNoneIsRefused() {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"vnd.backstage.plugin\"}").toString();
    long now = clock.instant().getEpochSecond();
    String payload =
        Base64URL.encode("{\"sub\":\"a\",\"aud\":\"b\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}").toString();

    assertEquals("Failed plugin token verification", rejectedBy(b, header + "." + payload + "."));
  }

  @Test
  void aSymmetricallySignedPluginTokenIsRefused() throws Exception {
    SignedJWT hs = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("vnd.backstage.plugin")).build(),
        claims("a", "b", clock.instant(), clock.instant().plusSeconds(600)));
    hs.sign(new MACSigner(new byte[32]));

    assertEquals("Failed plugin token verification", rejectedBy(b, hs.serialize()));
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token = a.getPluginRequestToken(a.getOwnServiceCredentials(), "b").token();
    clock.advance(Duration.ofMinutes(59));
    b.authenticate(token);
    clock.advance(Duration.ofMinutes(1));

    assertEquals("Failed plugin token verification", rejectedBy(b, token));
  }

  @Test
  void aTokenForAnotherPluginIsRefused() {
    String forC = a.getPluginRequestToken(a.getOwnServiceCredentials(), "c").token();

    assertEquals("Failed plugin token verification", rejectedBy(b, forC));
  }

  @Test
  void aTokenClaimingAnotherIssuerIsRefused() throws Exception {
    // signed with a's real key but claiming to be from c: c's keys do not include it
    String good = a.getPluginRequestToken(a.getOwnServiceCredentials(), "b").token();
    SignedJWT parsed = SignedJWT.parse(good);
    String header = good.split("\\.")[0];
    String payload = Base64URL.encode(
        new JWTClaimsSet.Builder(parsed.getJWTClaimsSet()).subject("c").build().toString()).toString();

    assertEquals("Failed plugin token verification", rejectedBy(b, header + "." + payload + "." + good.split("\\.")[2]));
  }

  @Test
  void subjectsThatAreNoPluginIdAreRefusedBeforeAnyLookup() throws Exception {
    TestIdentityProvider other = new TestIdentityProvider("k1");
    JOSEObjectType typ = new JOSEObjectType("vnd.backstage.plugin");
    Instant now = clock.instant();

    assertEquals("Invalid plugin token: forbidden subject format",
        rejectedBy(b, other.sign(typ, claims("../../evil", "b", now, now.plusSeconds(60)))));
    assertEquals("Invalid plugin token: missing subject",
        rejectedBy(b, other.sign(typ, claims(null, "b", now, now.plusSeconds(60)))));
  }

  @Test
  void garbageIsAnIllegalToken() {
    assertEquals("Illegal token", rejectedBy(b, "garbage"));
    assertEquals("Illegal token", rejectedBy(b, "a.b.c"));
    assertEquals("Illegal token", rejectedBy(b, "eyJhbGciOiJFUzI1NiJ9.e30.AAAA"));
    assertEquals("Illegal token", rejectedBy(b, ""));
  }

  private static JWTClaimsSet claims(String sub, String aud, Instant iat, Instant exp) {
    return new JWTClaimsSet.Builder()
        .subject(sub)
        .audience(aud)
        .issueTime(Date.from(iat))
        .expirationTime(Date.from(exp))
        .build();
  }
}
