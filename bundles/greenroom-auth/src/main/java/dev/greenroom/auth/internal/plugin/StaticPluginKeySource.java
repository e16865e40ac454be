package dev.greenroom.auth.internal.plugin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.greenroom.auth.internal.JwtChecks;
import dev.greenroom.backend.api.services.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code pluginKeyStore.type: static}: key pairs from PEM files named in config, the same for
 * every plugin and every replica. The first pair signs (it must have a private key); all public keys
 * are listed, so tokens signed with a key that was first before a rotation still verify while it
 * stays in the list. Upstream: backend-defaults
 * src/entrypoints/auth/plugin/keys/StaticConfigPluginKeySource.ts.
 *
 * <pre>
 * backend.auth.pluginKeyStore:
 *   type: static
 *   static:
 *     keys:
 *       - publicKeyFile: /keys/2025-02.pub.pem    # SPKI PEM ("BEGIN PUBLIC KEY")
 *         privateKeyFile: /keys/2025-02.key.pem   # PKCS#8 PEM ("BEGIN PRIVATE KEY")
 *         keyId: "2025-02"
 *         algorithm: ES256                        # default
 *       - publicKeyFile: /keys/2025-01.pub.pem    # the previous key, verify only
 *         keyId: "2025-01"
 * </pre>
 */
final class StaticPluginKeySource implements PluginKeySource {
  static final String KEYS_KEY = PluginKeySources.CONFIG_ROOT_KEY + ".static.keys";
  private static final String DEFAULT_ALGORITHM = "ES256";

  private final JWK signingKey;
  private final List<JWK> publicKeys;
  private final Duration keyDuration;

  private StaticPluginKeySource(JWK signingKey, List<JWK> publicKeys, Duration keyDuration) {
    this.signingKey = signingKey;
    this.publicKeys = publicKeys;
    this.keyDuration = keyDuration;
  }

  /**
   * Reads every key file now.
   *
   * @throws PluginKeyStoreConfigError naming the config key and the file when a value or a file is
   *     bad
   */
  static StaticPluginKeySource read(Config config, Duration keyDuration) {
    List<Config> entries = config.getOptionalConfigArray(KEYS_KEY).orElse(List.of());
    if (entries.isEmpty()) {
      throw new PluginKeyStoreConfigError(
          "At least one key pair must be provided in static.keys, when the static key store type is used", KEYS_KEY);
    }
    JWK signing = null;
    List<JWK> publics = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Config entry = entries.get(i);
      String entryKey = KEYS_KEY + "[" + i + "]";
      String publicKeyFile = entry.getString("publicKeyFile");
      String privateKeyFile = entry.getOptionalString("privateKeyFile").orElse(null);
      String keyId = entry.getString("keyId");
      String algorithmName = entry.getOptionalString("algorithm").orElse(DEFAULT_ALGORITHM);
      JWSAlgorithm algorithm = JWSAlgorithm.parse(algorithmName);
      if (!JwtChecks.ASYMMETRIC_ALGORITHMS.contains(algorithm)) {
        throw new PluginKeyStoreConfigError(
            "Unsupported algorithm '" + algorithmName + "', expected one of ES256, ES384, ES512, RS256, RS384, RS512, "
                + "PS256, PS384, PS512", entryKey + ".algorithm");
      }
      PublicKey publicKey = readPublic(publicKeyFile, algorithm, entryKey + ".publicKeyFile");
      PrivateKey privateKey =
          privateKeyFile == null ? null : readPrivate(privateKeyFile, algorithm, entryKey + ".privateKeyFile");
      JWK jwk = toJwk(publicKey, privateKey, keyId, algorithm);
      publics.add(jwk.toPublicJWK());
      if (i == 0) {
        if (privateKey == null) {
          throw new PluginKeyStoreConfigError(
              "Private key for signing must be provided in the first key pair in static.keys, when the static key "
                  + "store type is used", entryKey + ".privateKeyFile");
        }
        signing = jwk;
      }
    }
    return new StaticPluginKeySource(signing, List.copyOf(publics), keyDuration);
  }

  @Override
  public JWK signingKey() {
    return signingKey;
  }

  @Override
  public List<JWK> publicKeys() {
    return publicKeys;
  }

  @Override
  public Duration keyDuration() {
    return keyDuration;
  }

  private static JWK toJwk(PublicKey publicKey, PrivateKey privateKey, String keyId, JWSAlgorithm algorithm) {
    if (publicKey instanceof ECPublicKey ec) {
      ECKey.Builder b = new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).keyID(keyId).algorithm(algorithm);
      if (privateKey != null) {
        b.privateKey((ECPrivateKey) privateKey);
      }
      return b.build();
    }
    RSAKey.Builder b = new RSAKey.Builder((RSAPublicKey) publicKey).keyID(keyId).algorithm(algorithm);
    if (privateKey != null) {
      b.privateKey((RSAPrivateKey) privateKey);
    }
    return b.build();
  }

  private static PublicKey readPublic(String file, JWSAlgorithm algorithm, String key) {
    byte[] der = readPem(file, "PUBLIC KEY", key);
    try {
      PublicKey publicKey = keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(der));
      if (publicKey instanceof ECPublicKey ec) {
        Curve curve = Curve.forECParameterSpec(ec.getParams());
        if (curve == null || !Curve.forJWSAlgorithm(algorithm).contains(curve)) {
          throw new PluginKeyStoreConfigError(
              "The public key in file '" + file + "' is on curve " + curve + ", which algorithm " + algorithm
                  + " does not use", key);
        }
      }
      return publicKey;
    } catch (GeneralSecurityException e) {
      throw new PluginKeyStoreConfigError(
          "The file '" + file + "' holds no " + family(algorithm) + " public key for algorithm " + algorithm
              + " (" + e.getMessage() + ")", key);
    }
  }

  private static PrivateKey readPrivate(String file, JWSAlgorithm algorithm, String key) {
    byte[] der = readPem(file, "PRIVATE KEY", key);
    try {
      return keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new PluginKeyStoreConfigError(
          "The file '" + file + "' holds no PKCS#8 " + family(algorithm) + " private key for algorithm " + algorithm
              + " (" + e.getMessage() + ")", key);
    }
  }

  /** The DER bytes of the single {@code -----BEGIN <type>-----} block of {@code file}. */
  private static byte[] readPem(String file, String type, String key) {
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new PluginKeyStoreConfigError(
          "Failed to read key file '" + file + "': " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()), key);
    }
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new PluginKeyStoreConfigError(
          "The file '" + file + "' is not a PEM file with a '" + begin + "' block", key);
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to).trim());
    } catch (IllegalArgumentException e) {
      throw new PluginKeyStoreConfigError("The file '" + file + "' holds invalid base64 in its PEM block", key);
    }
  }

  private static String family(JWSAlgorithm algorithm) {
    return JWSAlgorithm.Family.EC.contains(algorithm) ? "EC" : "RSA";
  }

  private static KeyFactory keyFactory(JWSAlgorithm algorithm) throws GeneralSecurityException {
    return KeyFactory.getInstance(family(algorithm));
  }
}
