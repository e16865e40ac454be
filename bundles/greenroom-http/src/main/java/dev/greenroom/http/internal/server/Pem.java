package dev.greenroom.http.internal.server;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text as Node's TLS reads {@code cert} and {@code key}: certificates ({@code CERTIFICATE}
 * blocks, leaf first, then intermediates) and an unencrypted private key ({@code PRIVATE KEY}:
 * PKCS#8, RSA, EC or Ed25519; {@code RSA PRIVATE KEY}: PKCS#1). Errors name the config key.
 */
final class Pem {
  private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

  private Pem() {}

  static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static List<X509Certificate> certificates(String pem, String key) {
    List<X509Certificate> certs = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (m.find()) {
        if (m.group(1).equals("CERTIFICATE")) {
          certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(decode(m.group(2)))));
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw invalid(key, "the certificate cannot be read: " + e.getMessage());
    }
    if (certs.isEmpty()) {
      throw invalid(key, "no PEM certificate found (expected a '-----BEGIN CERTIFICATE-----' block)");
    }
    return certs;
  }

  static PrivateKey privateKey(String pem, String key) {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      String type = m.group(1);
      switch (type) {
        case "PRIVATE KEY":
          return pkcs8(decode(m.group(2)), key);
        case "RSA PRIVATE KEY":
          // PKCS#1 inside a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key as an OCTET STRING
          return pkcs8(Der.sequence(Der.integer(0), Der.sequence(Der.oid("1.2.840.113549.1.1.1"), Der.nul()),
              Der.octetString(decode(m.group(2)))), key);
        case "ENCRYPTED PRIVATE KEY":
          throw invalid(key, "the private key is encrypted; give it unencrypted"
              + " (openssl pkcs8 -topk8 -nocrypt -in key.pem -out plain.pem) as Backstage needs too");
        case "EC PRIVATE KEY":
          throw invalid(key, "SEC1 'EC PRIVATE KEY' is not supported; convert it to PKCS#8"
              + " (openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem)");
        default:
          // parameters, certificates: skip
      }
    }
    throw invalid(key, "no PEM private key found (expected a '-----BEGIN PRIVATE KEY-----' block)");
  }

  private static PrivateKey pkcs8(byte[] der, String key) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS", "Ed448"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException | RuntimeException notThisOne) {
        // next algorithm
      }
    }
    throw invalid(key, "the private key cannot be read (not an RSA, EC or EdDSA key in PKCS#8 or PKCS#1)");
  }

  /** Whether {@code key} signs what {@code cert}'s public key verifies. */
  static boolean matches(PrivateKey key, X509Certificate cert) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "RSASSA-PSS" -> "RSASSA-PSS";
      default -> key.getAlgorithm(); // Ed25519, Ed448, EdDSA
    };
    try {
      byte[] probe = "greenroom".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      if (algorithm.equals("RSASSA-PSS")) {
        signer.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
            java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
      }
      signer.initSign(key);
      signer.update(probe);
      byte[] sig = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      if (algorithm.equals("RSASSA-PSS")) {
        verifier.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
            java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
      }
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] decode(String base64) {
    return Base64.getMimeDecoder().decode(base64.strip());
  }

  static IllegalArgumentException invalid(String key, String why) {
    return new IllegalArgumentException("Invalid config value at '" + key + "': " + why);
  }
}
