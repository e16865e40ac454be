package dev.greenroom.http.internal.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** What the HTTPS connector serves: a private key and its certificate chain (leaf first). */
public record ServedCertificate(PrivateKey key, List<X509Certificate> chain) {
  /** The alias of the key entry in {@link #keyStore}. */
  public static final String ALIAS = "greenroom";

  public ServedCertificate {
    chain = List.copyOf(chain);
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** An in-memory PKCS#12 key store with the key under {@value #ALIAS}, protected by {@code password}. */
  public KeyStore keyStore(char[] password) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException impossible) {
      throw new GeneralSecurityException(impossible);
    }
    store.setKeyEntry(ALIAS, key, password, chain.toArray(X509Certificate[]::new));
    return store;
  }

  /** Writes {@link #keyStore} to {@code file}, readable by the owner only where the file system allows. */
  public void writeKeyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
    KeyStore store = keyStore(password);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".keystore", ".tmp");
    ownerOnly(tmp);
    try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
      store.store(out, password);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Certificates then the PKCS#8 key, PEM, as Backstage's cached {@code .dev-cert.pem}. */
  public String pem() throws GeneralSecurityException {
    StringBuilder out = new StringBuilder();
    for (X509Certificate c : chain) {
      out.append(Pem.block("CERTIFICATE", c.getEncoded()));
    }
    out.append(Pem.block("PRIVATE KEY", key.getEncoded()));
    return out.toString();
  }

  static void ownerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException notPosix) {
      // e.g. Windows: the directory's permissions apply
    }
  }

  /** Base64 of nothing secret, for messages. */
  static String describe(X509Certificate c) {
    return c.getSubjectX500Principal().getName() + " (valid until " + c.getNotAfter().toInstant() + ")";
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
