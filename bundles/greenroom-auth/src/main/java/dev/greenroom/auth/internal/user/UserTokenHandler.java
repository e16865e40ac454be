package dev.greenroom.auth.internal.user;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.greenroom.auth.internal.JwtChecks;
import dev.greenroom.auth.internal.TokenTypes;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.LoggerService;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies user tokens issued by the auth backend: full ({@code typ: vnd.backstage.user}, {@code
 * aud: backstage}), limited ({@code typ: vnd.backstage.limited-user}, the cookie) and untyped
 * legacy ones with {@code aud: backstage}; makes limited tokens from full ones. Backstage's
 * UserTokenHandler.
 */
public final class UserTokenHandler {
  private static final Set<String> REQUIRED = Set.of("iat", "exp", "sub");

  private final Supplier<JWKSource<SecurityContext>> keys;
  private final String issuer;
  private final LoggerService logger;
  private final Clock clock;

  /**
   * @param keys the auth backend's JWK set, looked up per verification (its URL may move)
   * @param issuer the required {@code iss} of full user tokens, or null for any
   */
  public UserTokenHandler(
      Supplier<JWKSource<SecurityContext>> keys, String issuer, LoggerService logger, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.logger = logger;
    this.clock = clock;
  }

  /**
   * The user entity ref of a valid user token, or null if {@code token} is no user token.
   *
   * @throws AuthenticationError if it is a user token that fails verification
   */
  public String verifyToken(String token) {
    String typ;
    Set<String> audiences;
    Set<String> issuers = null;
    try {
      JWT jwt = JWTParser.parse(token);
      JOSEObjectType type = jwt.getHeader().getType();
      if (type != null && TokenTypes.USER_TYP.equals(type.getType())) {
        typ = TokenTypes.USER_TYP;
        // Greenroom also requires the audience that the auth backend always sets
        audiences = Set.of(TokenTypes.USER_AUD);
        issuers = issuer == null ? null : Set.of(issuer);
      } else if (type != null && TokenTypes.LIMITED_USER_TYP.equals(type.getType())) {
        typ = TokenTypes.LIMITED_USER_TYP;
        audiences = null;
      } else if (jwt.getJWTClaimsSet().getAudience().contains(TokenTypes.USER_AUD)) {
        typ = null;
        audiences = Set.of(TokenTypes.USER_AUD);
        issuers = issuer == null ? null : Set.of(issuer);
      } else {
        return null;
      }
    } catch (ParseException e) {
      return null;
    }
    JWTClaimsSet claims;
    try {
      claims =
          JwtChecks.verify(
              token,
              keys.get(),
              typ,
              audiences,
              issuers,
              typ == null ? Set.of() : REQUIRED,
              JwtChecks.ASYMMETRIC_ALGORITHMS,
              clock);
    } catch (Exception e) {
      logger.warn("Failed to verify incoming user token: " + e.getMessage());
      throw new AuthenticationError("Failed user token verification");
    }
    String sub = claims.getSubject();
    if (sub == null || sub.isEmpty()) {
      throw new AuthenticationError("No user sub found in token");
    }
    return sub;
  }

  /** Whether {@code token} claims to be a limited user token (not verified here). */
  public static boolean isLimitedUserToken(String token) {
    try {
      JOSEObjectType type = JWTParser.parse(token).getHeader().getType();
      return type != null && TokenTypes.LIMITED_USER_TYP.equals(type.getType());
    } catch (ParseException e) {
      return false;
    }
  }

  /** The expiry of a (verified) token. */
  public static Instant expirationOf(String token) {
    try {
      java.util.Date exp = JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
      if (exp == null) {
        throw new AuthenticationError("User token is missing expiration");
      }
      return exp.toInstant();
    } catch (ParseException e) {
      throw new AuthenticationError("Illegal token");
    }
  }

  /** A limited token and when it expires. */
  public record LimitedToken(String token, Instant expiresAt) {}

  /**
   * The limited token for a full user token: rebuilt from the {@code uip} claim, the signature the
   * auth backend made over the limited header and payload, so the limited token verifies with the
   * auth backend's keys. Limited tokens and tokens without {@code typ} are returned as they are; a
   * full user token without {@code uip} is refused (backend-defaults UserTokenHandler.ts).
   */
  public static LimitedToken createLimitedUserToken(String backstageToken) {
    JWT jwt;
    Map<String, Object> payload;
    try {
      jwt = JWTParser.parse(backstageToken);
      payload = jwt.getJWTClaimsSet().toJSONObject();
    } catch (ParseException e) {
      throw new AuthenticationError("Failed to create limited user token, invalid token type");
    }
    JOSEObjectType type = jwt.getHeader().getType();
    Instant expiresAt = expirationOf(backstageToken);
    if (type == null || TokenTypes.LIMITED_USER_TYP.equals(type.getType())) {
      return new LimitedToken(backstageToken, expiresAt);
    }
    if (!TokenTypes.USER_TYP.equals(type.getType())) {
      throw new AuthenticationError("Failed to create limited user token, invalid token type");
    }
    if (!(payload.get("uip") instanceof String uip)) {
      // Upstream refuses, rather than forward a full user token where a limited one is expected
      throw new AuthenticationError("Failed to create limited user token, missing user identity proof");
    }
    // Order and spelling must match the auth backend's TokenFactory: it signed these exact bytes
    String header =
        JsonText.object(
            List.of(
                Map.entry("typ", TokenTypes.LIMITED_USER_TYP),
                Map.entry("alg", jwt.getHeader().getAlgorithm().getName()),
                Map.entry("kid", String.valueOf(jwt.getHeader().toJSONObject().get("kid")))));
    String limitedPayload =
        JsonText.object(
            List.of(
                Map.entry("sub", payload.get("sub")),
                Map.entry("iat", payload.get("iat")),
                Map.entry("exp", payload.get("exp"))));
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String token =
        b64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(limitedPayload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + uip;
    return new LimitedToken(token, expiresAt);
  }
}
