package dev.greenroom.auth.backend.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.services.LoggerService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues Backstage user tokens, as upstream's TokenFactory (plugins/auth-backend/src/identity/TokenFactory.ts):
 * ES256 over a key generated in memory and rotated every token duration; header {@code typ:
 * vnd.backstage.user}, claims {@code iss sub ent aud=backstage iat exp uip}. {@code uip} is the
 * signature over the limited user token's header ({@code typ alg kid}) and payload ({@code sub iat
 * exp}), so core.auth can rebuild the limited token (the user cookie) that verifies with the same
 * key. Public keys stay listed for three token durations (upstream's grace period).
 */
public final class TokenFactory {
  static final String USER_TYP = "vnd.backstage.user";
  static final String LIMITED_USER_TYP = "vnd.backstage.limited-user";
  static final String AUD = "backstage";
  private static final int MAX_TOKEN_LENGTH = 32768;
  // kind:namespace/name or kind:name, as parseEntityRef accepts for a sub
  private static final Pattern ENTITY_REF = Pattern.compile("^[^:/\\s]+:([^:/\\s]+/)?[^:/\\s]+$");

  private final String issuer;
  private final Duration keyDuration;
  private final LoggerService logger;
  private final Clock clock;
  private final List<Stored> keys = new ArrayList<>();
  private Stored current;

  private record Stored(ECKey key, Instant createdAt) {}

  public TokenFactory(String issuer, Duration keyDuration, LoggerService logger, Clock clock) {
    this.issuer = issuer;
    this.keyDuration = keyDuration;
    this.logger = logger;
    this.clock = clock;
  }

  public String issueToken(String sub, List<String> ent) {
    if (sub == null || !ENTITY_REF.matcher(sub).matches()) {
      throw new IllegalArgumentException("\"sub\" claim provided by the auth resolver is not a valid EntityRef.");
    }
    List<String> entities = ent == null ? List.of(sub) : List.copyOf(ent);
    ECKey key = signingKey();
    long iat = clock.instant().getEpochSecond();
    long exp = iat + keyDuration.toSeconds();
    logger.info("Issuing token for " + sub + ", with entities " + String.join(",", entities));
    try {
      ECDSASigner signer = new ECDSASigner(key);
      String limitedHeader = JsText.object(List.of(
          Map.entry("typ", LIMITED_USER_TYP), Map.entry("alg", JWSAlgorithm.ES256.getName()), Map.entry("kid", key.getKeyID())));
      String limitedPayload = JsText.object(List.of(Map.entry("sub", sub), Map.entry("iat", iat), Map.entry("exp", exp)));
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      byte[] signingInput = (b64.encodeToString(limitedHeader.getBytes(StandardCharsets.UTF_8)) + "."
          + b64.encodeToString(limitedPayload.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
      String uip = signer.sign(new JWSHeader(JWSAlgorithm.ES256), signingInput).toString();

      JWTClaimsSet claims = new JWTClaimsSet.Builder()
          .issuer(issuer)
          .subject(sub)
          .claim("ent", entities)
          .audience(AUD)
          .issueTime(Date.from(Instant.ofEpochSecond(iat)))
          .expirationTime(Date.from(Instant.ofEpochSecond(exp)))
          .claim("uip", uip)
          .build();
      SignedJWT jwt = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(new JOSEObjectType(USER_TYP)).build(), claims);
      jwt.sign(signer);
      String token = jwt.serialize();
      if (token.length() > MAX_TOKEN_LENGTH) {
        throw new IllegalArgumentException("Failed to issue a new user token. The resulting token is excessively large, "
            + "with either too many ownership claims or too large custom claims. You likely have a bug either in the "
            + "sign-in resolver or catalog data. The following claims were requested: '" + claims + "'");
      }
      return token;
    } catch (JOSEException e) {
      throw new IllegalStateException("Failed to sign user token: " + e.getMessage(), e);
    }
  }

  /** The public keys of tokens that may still be valid, as JWKs (the JWKS {@code keys}). */
  public synchronized List<Map<String, Object>> listPublicKeys() {
    Instant now = clock.instant();
    keys.removeIf(k -> k.createdAt().plus(keyDuration.multipliedBy(3)).isBefore(now));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Stored s : keys) {
      out.add(s.key().toPublicJWK().toJSONObject());
    }
    return out;
  }

  private synchronized ECKey signingKey() {
    Instant now = clock.instant();
    if (current != null && current.createdAt().plus(keyDuration).isAfter(now)) {
      return current.key();
    }
    if (current != null) {
      logger.info("Signing key has expired, generating new key");
    }
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256)
          .keyID(UUID.randomUUID().toString())
          .algorithm(JWSAlgorithm.ES256)
          .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
          .generate();
      current = new Stored(key, now);
      keys.add(current);
      logger.info("Created new signing key " + key.getKeyID());
      return key;
    } catch (JOSEException e) {
      throw new IllegalStateException("Failed to generate new signing key, " + e.getMessage(), e);
    }
  }
}
