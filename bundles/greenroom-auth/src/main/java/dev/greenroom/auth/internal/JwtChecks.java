package dev.greenroom.auth.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Verifies a signed JWT with nimbus: signature against a key source, {@code typ}, audience and
 * required claims, expiry against an injectable clock. Unsigned ({@code alg: none}) and encrypted
 * tokens are refused by the processor itself.
 */
public final class JwtChecks {
  /** The asymmetric algorithms accepted for signatures; never {@code none}, never HMAC. */
  public static final Set<JWSAlgorithm> ASYMMETRIC_ALGORITHMS =
      Set.of(
          JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
          JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
          JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

  private JwtChecks() {}

  /**
   * The verified claims of {@code token}.
   *
   * @param typ the required {@code typ} header, or null to accept any (including none)
   * @param audiences accepted {@code aud} values (one must match), or null for no check
   * @param issuers accepted {@code iss} values, or null for no check
   * @param algorithms accepted signature algorithms
   * @throws BadJOSEException or {@link com.nimbusds.jose.JOSEException} or {@link
   *     java.text.ParseException} when anything is wrong
   */
  public static JWTClaimsSet verify(
      String token,
      JWKSource<SecurityContext> keys,
      String typ,
      Set<String> audiences,
      Set<String> issuers,
      Set<String> requiredClaims,
      Set<JWSAlgorithm> algorithms,
      Clock clock)
      throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        typ == null
            ? (type, context) -> {} // like jose's jwtVerify without a typ option
            : new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(typ)));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    ClockedClaimsVerifier claims = new ClockedClaimsVerifier(audiences, requiredClaims, clock);
    // jose (Backstage's library) allows no clock skew by default; neither do we
    claims.setMaxClockSkew(0);
    processor.setJWTClaimsSetVerifier(claims);
    JWTClaimsSet set = processor.process(token, null);
    if (issuers != null && (set.getIssuer() == null || !issuers.contains(set.getIssuer()))) {
      throw new BadJOSEException("JWT iss claim has value " + set.getIssuer() + ", must be one of " + issuers);
    }
    return set;
  }

  private static final class ClockedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
    private final Clock clock;

    ClockedClaimsVerifier(Set<String> audiences, Set<String> requiredClaims, Clock clock) {
      super(audiences, null, requiredClaims, null);
      this.clock = clock;
    }

    @Override
    protected Date currentTime() {
      return Date.from(clock.instant());
    }
  }
}
