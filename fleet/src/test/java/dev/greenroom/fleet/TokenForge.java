package dev.greenroom.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Plugin tokens signed by the suite itself. The Backstage peer's plugin key store is {@code static}
 * (fleet/backstage/app-config.yaml) with a P-256 key pair this class made and wrote as PEM, so the suite can
 * sign exactly what Backstage's {@code bsfleet} would (ES256, {@code typ: vnd.backstage.plugin}, kid
 * {@value #KEY_ID}) and also what it never would: expired, for another audience, tampered, unsigned.
 * Upstream: packages/backend-defaults/src/entrypoints/auth/plugin/PluginTokenHandler.ts (issueToken) and
 * plugin/keys/StaticConfigPluginKeySource.ts.
 */
final class TokenForge {
  static final String KEY_ID = "fleet-backstage-1";
  static final String PLUGIN_TYP = "vnd.backstage.plugin";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final String kid;

  private TokenForge(KeyPair keys, String kid) {
    this.keys = keys;
    this.kid = kid;
  }

  /** A fresh P-256 key pair with this kid. */
  static TokenForge generate(String kid) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return new TokenForge(generator.generateKeyPair(), kid);
  }

  /** Writes {@code public.pem} (SPKI) and {@code private.pem} (PKCS#8) into {@code dir}, for Backstage's static key store. */
  void writePem(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(publicPem(dir), pem("PUBLIC KEY", keys.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    Files.writeString(privatePem(dir), pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
  }

  static Path publicPem(Path dir) {
    return dir.resolve("public.pem");
  }

  static Path privatePem(Path dir) {
    return dir.resolve("private.pem");
  }

  /** A plugin token from {@code sub} for {@code aud}, valid from {@code iat} to {@code exp}. */
  String pluginToken(String sub, String aud, Instant iat, Instant exp) throws GeneralSecurityException {
    ObjectNode header = FleetHttp.JSON.createObjectNode().put("typ", PLUGIN_TYP).put("alg", "ES256").put("kid", kid);
    ObjectNode claims = FleetHttp.JSON.createObjectNode()
        .put("sub", sub).put("aud", aud).put("iat", iat.getEpochSecond()).put("exp", exp.getEpochSecond());
    String signingInput = b64(header.toString()) + "." + b64(claims.toString());
    Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format"); // JWS's R||S form
    signer.initSign(keys.getPrivate());
    signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + B64.encodeToString(signer.sign());
  }

  /** A token valid for the next hour, as the real signer would make it. */
  String pluginToken(String sub, String aud) throws GeneralSecurityException {
    Instant now = Instant.now();
    return pluginToken(sub, aud, now, now.plusSeconds(3600));
  }

  /** {@code token} with its payload's {@code sub} replaced and the original signature kept. */
  static String tamperSubject(String token, String newSubject) throws IOException {
    String[] parts = token.split("\\.");
    ObjectNode claims = (ObjectNode) FleetHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    claims.put("sub", newSubject);
    return parts[0] + "." + b64(claims.toString()) + "." + parts[2];
  }

  /** {@code token}'s header changed to {@code alg: none} and its signature dropped. */
  static String unsigned(String token) throws IOException {
    String[] parts = token.split("\\.");
    ObjectNode header = (ObjectNode) FleetHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    header.put("alg", "none");
    header.remove("kid");
    return b64(header.toString()) + "." + parts[1] + ".";
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
