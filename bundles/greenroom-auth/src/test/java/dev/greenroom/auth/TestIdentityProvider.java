package dev.greenroom.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Plays Backstage's auth backend: an ES256 key and user tokens shaped like its TokenFactory's,
 * including the {@code uip} claim (the signature over the limited token's header and payload).
 */
final class TestIdentityProvider {
  final ECKey key;

  TestIdentityProvider(String kid) throws Exception {
    key = new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).generate();
  }

  String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A full user token with {@code aud: backstage}, {@code ent} and {@code uip}. */
  String userToken(String sub, List<String> ent, Instant iat, Instant exp) throws Exception {
    return userToken(sub, ent, iat, exp, "backstage", "http://localhost:7007/api/auth");
  }

  String userToken(String sub, List<String> ent, Instant iat, Instant exp, String aud, String iss) throws Exception {
    String limitedHeader =
        "{\"typ\":\"vnd.backstage.limited-user\",\"alg\":\"ES256\",\"kid\":\"" + key.getKeyID() + "\"}";
    String limitedPayload =
        "{\"sub\":\"" + sub + "\",\"iat\":" + iat.getEpochSecond() + ",\"exp\":" + exp.getEpochSecond() + "}";
    String signingInput =
        Base64URL.encode(limitedHeader.getBytes(StandardCharsets.UTF_8))
            + "."
            + Base64URL.encode(limitedPayload.getBytes(StandardCharsets.UTF_8));
    Base64URL uip = new ECDSASigner(key).sign(
        new JWSHeader.Builder(JWSAlgorithm.ES256).build(), signingInput.getBytes(StandardCharsets.US_ASCII));
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(iss)
            .subject(sub)
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(exp))
            .claim("ent", ent)
            .claim("uip", uip.toString());
    if (aud != null) {
      claims.audience(aud);
    }
    return sign(new JOSEObjectType("vnd.backstage.user"), claims.build());
  }

  String sign(JOSEObjectType typ, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(typ).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }
}
