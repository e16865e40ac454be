package dev.greenroom.auth.node;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.greenroom.backend.api.errors.InputError;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code backstageIdentity} of a sign-in response, as upstream's {@code
 * prepareBackstageIdentityResponse} (plugins/auth-node/src/identity/prepareBackstageIdentityResponse.ts):
 * the token, seconds until it expires, and the identity read from its claims.
 */
public final class BackstageIdentityResponse {
  private BackstageIdentityResponse() {}

  public static Map<String, Object> of(String token, Clock clock) {
    if (token == null || token.isEmpty()) {
      throw new InputError("Identity response must return a token");
    }
    JWTClaimsSet claims;
    try {
      claims = JWTParser.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InputError("Identity response must return a token with subject claim");
    }
    String sub = claims.getSubject();
    if (sub == null) {
      throw new InputError("Identity response must return a token with subject claim");
    }
    Object ent = claims.getClaim("ent");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", token);
    if (claims.getExpirationTime() != null) {
      long exp = Math.round(claims.getExpirationTime().getTime() / 1000.0 - clock.millis() / 1000.0);
      if (exp < 0) {
        throw new InputError("Identity response must not return an expired token");
      }
      out.put("expiresInSeconds", exp);
    }
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("type", "user");
    identity.put("userEntityRef", sub);
    identity.put("ownershipEntityRefs", ent instanceof List<?> l ? l : List.of());
    out.put("identity", identity);
    return out;
  }
}
