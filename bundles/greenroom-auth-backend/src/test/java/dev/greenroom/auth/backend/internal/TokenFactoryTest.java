package dev.greenroom.auth.backend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.auth.internal.user.UserTokenHandler;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.test.base.CapturingLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User tokens as plugin auth issues them, verified by core.auth's own UserTokenHandler. */
class TokenFactoryTest {
  private static final String ISSUER = "http://127.0.0.1:7007/api/auth";
  private final CapturingLogger log = new CapturingLogger();
  private Instant now = Instant.parse("2026-12-06T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };
  private final TokenFactory tokens = new TokenFactory(ISSUER, Duration.ofHours(1), log.logger(), clock);

  private UserTokenHandler verifier(String issuer) {
    return new UserTokenHandler(
        () -> {
          try {
            return new ImmutableJWKSet<>(JWKSet.parse(Map.of("keys", List.copyOf(tokens.listPublicKeys()))));
          } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
          }
        },
        issuer, log.logger(), clock);
  }

  @Test
  void issuesAnEs256UserTokenWithBackstagesClaims() throws Exception {
    String token = tokens.issueToken("user:development/guest", null);
    SignedJWT jwt = SignedJWT.parse(token);
    assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
    assertEquals("vnd.backstage.user", jwt.getHeader().getType().getType());
    assertEquals(ISSUER, jwt.getJWTClaimsSet().getIssuer());
    assertEquals(List.of("backstage"), jwt.getJWTClaimsSet().getAudience());
    assertEquals("user:development/guest", jwt.getJWTClaimsSet().getSubject());
    assertEquals(List.of("user:development/guest"), jwt.getJWTClaimsSet().getStringListClaim("ent"));
    assertEquals(3600, (jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime()) / 1000);
    assertEquals(jwt.getHeader().getKeyID(), tokens.listPublicKeys().get(0).get("kid"));
    assertTrue(!tokens.listPublicKeys().get(0).containsKey("d"), "the JWKS holds public keys only");
  }

  @Test
  void coreAuthVerifiesTheTokenAndTheLimitedTokenBuiltFromItsProof() {
    String token = tokens.issueToken("user:default/ada", List.of("user:default/ada", "group:default/team"));
    UserTokenHandler handler = verifier(ISSUER);
    assertEquals("user:default/ada", handler.verifyToken(token));
    UserTokenHandler.LimitedToken limited = UserTokenHandler.createLimitedUserToken(token);
    assertNotEquals(token, limited.token());
    assertTrue(UserTokenHandler.isLimitedUserToken(limited.token()));
    // the uip claim is a signature over exactly the header and payload core.auth rebuilds
    assertEquals("user:default/ada", handler.verifyToken(limited.token()));
  }

  @Test
  void aTamperedProofOrAnotherIssuerFailsVerification() {
    String token = tokens.issueToken("user:default/ada", null);
    String limited = UserTokenHandler.createLimitedUserToken(token).token();
    String forged = limited.substring(0, limited.lastIndexOf('.') + 1) + "AAAA" + limited.substring(limited.lastIndexOf('.') + 5);
    assertThrows(AuthenticationError.class, () -> verifier(ISSUER).verifyToken(forged));
    assertThrows(AuthenticationError.class, () -> verifier("https://elsewhere/api/auth").verifyToken(token));
  }

  @Test
  void refusesASubThatIsNoEntityRef() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tokens.issueToken("guest", null));
    assertEquals("\"sub\" claim provided by the auth resolver is not a valid EntityRef.", e.getMessage());
  }

  @Test
  void rotatesTheKeyEachDurationAndKeepsOldKeysListedForThree() throws Exception {
    String first = SignedJWT.parse(tokens.issueToken("user:default/a", null)).getHeader().getKeyID();
    now = now.plus(Duration.ofMinutes(61));
    String second = SignedJWT.parse(tokens.issueToken("user:default/a", null)).getHeader().getKeyID();
    assertNotEquals(first, second);
    assertEquals(2, tokens.listPublicKeys().size());
    now = now.plus(Duration.ofMinutes(125));
    assertEquals(List.of(second), tokens.listPublicKeys().stream().map(k -> k.get("kid")).toList());
  }

  @Test
  void anExpiredTokenFails() {
    String token = tokens.issueToken("user:default/a", null);
    now = now.plus(Duration.ofMinutes(61));
    assertThrows(AuthenticationError.class, () -> verifier(ISSUER).verifyToken(token));
  }
}
