package dev.greenroom.auth.internal.external;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.services.Config;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code type: legacy} (and the old {@code backend.auth.keys}): HS256 tokens with {@code sub:
 * backstage-server} signed with a shared base64 secret. Backstage's LegacyTokenHandler.
 *
 * <p>The HMAC is checked with the JDK rather than nimbus's MACVerifier because nimbus refuses
 * secrets shorter than 256 bits, and Backstage accepts any length for these old secrets.
 */
final class LegacyTokenHandler implements TokenHandler {
  private static final Pattern NON_SPACE = Pattern.compile("^\\S+$");

  private record Entry(byte[] key, ExternalTokenResult result) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Clock clock;

  LegacyTokenHandler(Clock clock) {
    this.clock = clock;
  }

  LegacyTokenHandler add(Config config, String entryKey) {
    var restrictions = AccessRestrictionsReader.read(config, entryKey);
    doAdd(config.getString("options.secret"), config.getString("options.subject"), restrictions, entryKey + ".options");
    return this;
  }

  /** An entry of the old {@code backend.auth.keys} list; its subject is fixed for compatibility. */
  void addOld(Config config, String entryKey) {
    doAdd(config.getString("secret"), "external:backstage-plugin", AccessRestrictionsReader.read(config, entryKey), entryKey);
  }

  private void doAdd(
      String secret,
      String subject,
      java.util.Map<String, dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions> restrictions,
      String optionsKey) {
    if (!NON_SPACE.matcher(secret).matches()) {
      throw new ExternalAccessConfigError("Illegal secret, must be a valid base64 string", optionsKey + ".secret");
    } else if (!NON_SPACE.matcher(subject).matches()) {
      throw new ExternalAccessConfigError(
          "Illegal subject, must be a set of non-space characters", optionsKey + ".subject");
    }
    byte[] key;
    try {
      key = decodeBase64(secret);
    } catch (IllegalArgumentException e) {
      throw new ExternalAccessConfigError("Illegal secret, must be a valid base64 string", optionsKey + ".secret");
    }
    if (entries.stream().anyMatch(e -> Arrays.equals(e.key(), key))) {
      throw new ExternalAccessConfigError(
          "Legacy externalAccess token was declared more than once", optionsKey + ".secret");
    }
    entries.add(new Entry(key, new ExternalTokenResult(subject, restrictions)));
  }

  /** Accepts base64 and base64url, with or without padding, as Node's decoder does. */
  private static byte[] decodeBase64(String secret) {
    String normalized = secret.replace('+', '-').replace('/', '_');
    int pad = normalized.indexOf('=');
    if (pad >= 0) {
      if (!normalized.substring(pad).matches("=+")) {
        throw new IllegalArgumentException("padding in the middle");
      }
      normalized = normalized.substring(0, pad);
    }
    return Base64.getUrlDecoder().decode(normalized);
  }

  @Override
  public ExternalTokenResult verifyToken(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
        return null;
      }
      claims = jwt.getJWTClaimsSet();
      if (!"backstage-server".equals(claims.getSubject()) || !claims.getAudience().isEmpty()) {
        return null;
      }
    } catch (java.text.ParseException e) {
      return null;
    }
    byte[] signingInput = (token.substring(0, token.lastIndexOf('.'))).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = jwt.getSignature().decode();
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(hmac(entry.key(), signingInput), signature)) {
        Date exp = claims.getExpirationTime();
        if (exp != null && !clock.instant().isBefore(exp.toInstant())) {
          // jose's jwtVerify rejects an expired token outright rather than trying other keys
          throw new dev.greenroom.backend.api.errors.AuthenticationError("Illegal token");
        }
        return entry.result();
      }
    }
    return null;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
