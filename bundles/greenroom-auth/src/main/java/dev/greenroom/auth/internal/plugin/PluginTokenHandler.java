package dev.greenroom.auth.internal.plugin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.auth.internal.JwtChecks;
import dev.greenroom.auth.internal.RemoteJwks;
import dev.greenroom.auth.internal.TokenTypes;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.BackstageToken;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.LoggerService;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Issues and verifies plugin-to-plugin service tokens ({@code typ: vnd.backstage.plugin}, {@code
 * sub} = issuing plugin, {@code aud} = target plugin, optional {@code obo} = a limited user token).
 * Backstage's DefaultPluginTokenHandler. Issuer keys are looked up in process first, then at
 * {@code <discovery base URL of the issuer>/.backstage/auth/v1/jwks.json}.
 */
public final class PluginTokenHandler {
  private static final Pattern ALLOWED_PLUGIN_ID_PATTERN =
      Pattern.compile("^[a-z0-9_-]+$", Pattern.CASE_INSENSITIVE);
  static final String JWKS_PATH = "/.backstage/auth/v1/jwks.json";

  /** A verified plugin token: the caller {@code plugin:<id>} and the user it acts for, if any. */
  public record Result(String subject, String limitedUserToken) {}

  private final String ownPluginId;
  private final PluginKeySource ownKeys;
  private final PluginKeyRegistry registry;
  private final RemoteJwks remoteJwks;
  private final DiscoveryService discovery;
  private final LoggerService logger;
  private final Clock clock;

  public PluginTokenHandler(
      String ownPluginId,
      PluginKeySource ownKeys,
      PluginKeyRegistry registry,
      RemoteJwks remoteJwks,
      DiscoveryService discovery,
      LoggerService logger,
      Clock clock) {
    this.ownPluginId = ownPluginId;
    this.ownKeys = ownKeys;
    registry.register(ownPluginId, ownKeys);
    this.registry = registry;
    this.remoteJwks = remoteJwks;
    this.discovery = discovery;
    this.logger = logger;
    this.clock = clock;
  }

  /** This plugin's public keys, for its JWKS endpoint. */
  public List<JWK> publicKeys() {
    return ownKeys.publicKeys();
  }

  /**
   * The verified token, or null if it is not a plugin token at all.
   *
   * @throws AuthenticationError if it is a plugin token that fails verification
   */
  public Result verifyToken(String token) {
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (java.text.ParseException e) {
      return null;
    }
    JOSEObjectType typ = parsed.getHeader().getType();
    if (typ == null || !TokenTypes.PLUGIN_TYP.equals(typ.getType())) {
      return null;
    }
    String pluginId;
    try {
      pluginId = parsed.getJWTClaimsSet().getSubject();
    } catch (java.text.ParseException e) {
      throw new AuthenticationError("Failed plugin token verification");
    }
    if (pluginId == null || pluginId.isEmpty()) {
      throw new AuthenticationError("Invalid plugin token: missing subject");
    }
    if (!ALLOWED_PLUGIN_ID_PATTERN.matcher(pluginId).matches()) {
      throw new AuthenticationError("Invalid plugin token: forbidden subject format");
    }
    JWTClaimsSet claims;
    try {
      claims =
          JwtChecks.verify(
              token,
              keysOf(pluginId),
              TokenTypes.PLUGIN_TYP,
              Set.of(ownPluginId),
              null,
              Set.of("iat", "exp", "sub", "aud"),
              JwtChecks.ASYMMETRIC_ALGORITHMS,
              clock);
    } catch (Exception e) {
      // the reason is for operators; the caller learns nothing about keys or claims
      logger.warn("Failed to verify incoming plugin token: " + e.getMessage());
      throw new AuthenticationError("Failed plugin token verification");
    }
    Object obo = claims.getClaim("obo");
    return new Result("plugin:" + claims.getSubject(), obo instanceof String s ? s : null);
  }

  /**
   * A token from this plugin for {@code targetPluginId}, valid for one key duration or until the
   * user token it carries expires, whichever is sooner.
   */
  public BackstageToken issueToken(String targetPluginId, String limitedUserToken, Instant userExpiresAt) {
    JWK key = ownKeys.signingKey();
    long iat = clock.instant().getEpochSecond();
    long exp = iat + ownKeys.keyDuration().toSeconds();
    if (userExpiresAt != null) {
      exp = Math.min(exp, userExpiresAt.getEpochSecond());
    }
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(ownPluginId)
            .audience(targetPluginId)
            .issueTime(new Date(iat * 1000))
            .expirationTime(new Date(exp * 1000));
    if (limitedUserToken != null) {
      claims.claim("obo", limitedUserToken);
    }
    JWSAlgorithm algorithm = key.getAlgorithm() instanceof JWSAlgorithm a ? a : JWSAlgorithm.ES256;
    JWSHeader header =
        new JWSHeader.Builder(algorithm)
            .type(new JOSEObjectType(TokenTypes.PLUGIN_TYP))
            .keyID(key.getKeyID())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner(key.toRSAKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Failed to sign a service token", e);
    }
    return new BackstageToken(jwt.serialize(), Instant.ofEpochSecond(exp));
  }

  /** In-process keys of the issuer first; a kid we do not hold goes to its JWKS endpoint. */
  private JWKSource<SecurityContext> keysOf(String issuerPluginId) {
    return (selector, context) -> {
      List<JWK> local =
          selector.getMatcher().getKeyIDs() == null
              ? List.of()
              : selector.getMatcher().getKeyIDs().stream()
                  .map(kid -> registry.publicKey(issuerPluginId, kid))
                  .flatMap(java.util.Optional::stream)
                  .toList();
      List<JWK> matches = selector.select(new com.nimbusds.jose.jwk.JWKSet(local));
      if (!matches.isEmpty()) {
        return matches;
      }
      return remoteJwks.at(discovery.getBaseUrl(issuerPluginId) + JWKS_PATH).get(selector, context);
    };
  }

  /** Public keys as JSON objects, as served on the JWKS endpoint. */
  public static List<Map<String, Object>> toJson(List<JWK> keys) {
    return keys.stream().map(JWK::toJSONObject).toList();
  }
}
