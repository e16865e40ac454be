package dev.greenroom.auth.internal.external;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.greenroom.auth.internal.JwtChecks;
import dev.greenroom.auth.internal.RemoteJwks;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.Config;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code type: jwks}: tokens of an outside issuer, verified against its JWKS URL, optionally with
 * allowed algorithms, issuers and audiences. Backstage's JWKSHandler.
 */
final class JwksTokenHandler implements TokenHandler {
  private static final Pattern NON_SPACE = Pattern.compile("^\\S+$");

  private record Entry(
      Set<JWSAlgorithm> algorithms,
      Set<String> audiences,
      Set<String> issuers,
      String subjectPrefix,
      String url,
      Map<String, BackstagePrincipalAccessRestrictions> allAccessRestrictions) {}

  private final List<Entry> entries = new ArrayList<>();
  private final RemoteJwks remoteJwks;
  private final Clock clock;

  JwksTokenHandler(RemoteJwks remoteJwks, Clock clock) {
    this.remoteJwks = remoteJwks;
    this.clock = clock;
  }

  JwksTokenHandler add(Config config, String entryKey) {
    String url = config.getString("options.url");
    if (!NON_SPACE.matcher(url).matches()) {
      throw new ExternalAccessConfigError(
          "Illegal JWKS URL, must be a set of non-space characters", entryKey + ".options.url");
    }
    List<String> algorithms =
        AccessRestrictionsReader.readStringOrStringArray(config, "options.algorithm", null, entryKey);
    List<String> issuers = AccessRestrictionsReader.readStringOrStringArray(config, "options.issuer", null, entryKey);
    List<String> audiences =
        AccessRestrictionsReader.readStringOrStringArray(config, "options.audience", null, entryKey);
    String subjectPrefix = config.getOptionalString("options.subjectPrefix").orElse(null);
    try {
      URI.create(url).toURL();
    } catch (Exception e) {
      throw new ExternalAccessConfigError("Invalid URL", entryKey + ".options.url");
    }
    var restrictions = AccessRestrictionsReader.read(config, entryKey);
    entries.add(
        new Entry(
            algorithms == null
                ? JwtChecks.ASYMMETRIC_ALGORITHMS
                : new HashSet<>(algorithms.stream().map(JWSAlgorithm::parse).toList()),
            audiences == null ? null : Set.copyOf(audiences),
            issuers == null ? null : Set.copyOf(issuers),
            subjectPrefix,
            url,
            restrictions));
    return this;
  }

  @Override
  public ExternalTokenResult verifyToken(String token) {
    for (Entry entry : entries) {
      JWTClaimsSet claims;
      try {
        claims =
            JwtChecks.verify(
                token,
                remoteJwks.at(entry.url()),
                null,
                entry.audiences(),
                entry.issuers(),
                Set.of(),
                entry.algorithms(),
                clock);
      } catch (Exception e) {
        continue;
      }
      String sub = claims.getSubject();
      if (sub != null && !sub.isEmpty()) {
        String prefix = entry.subjectPrefix() != null ? "external:" + entry.subjectPrefix() + ":" : "external:";
        return new ExternalTokenResult(prefix + sub, entry.allAccessRestrictions());
      }
    }
    return null;
  }
}
