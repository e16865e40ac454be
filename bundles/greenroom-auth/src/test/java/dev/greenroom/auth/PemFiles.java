package dev.greenroom.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Key pairs written as PEM files, as `openssl genpkey` / `openssl pkey -pubout` write them. */
final class PemFiles {
  private PemFiles() {}

  /** Writes {@code <name>.pub.pem} (SPKI) and {@code <name>.key.pem} (PKCS#8); returns the pair. */
  static KeyPair ec(Path dir, String name) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return write(dir, name, g.generateKeyPair());
  }

  static KeyPair rsa(Path dir, String name) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return write(dir, name, g.generateKeyPair());
  }

  private static KeyPair write(Path dir, String name, KeyPair pair) throws Exception {
    Files.writeString(dir.resolve(name + ".pub.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    Files.writeString(dir.resolve(name + ".key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    return pair;
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
