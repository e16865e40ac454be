package dev.greenroom.http.internal.server;

import dev.greenroom.backend.api.services.Config;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code backend.https}, read as Backstage's {@code readHttpsOptions}
 * (packages/backend-defaults/src/entrypoints/rootHttpRouter/http/config.ts):
 *
 * <ul>
 *   <li>{@code true}: a self-signed certificate for the host of {@code backend.baseUrl} (required,
 *       {@code Invalid baseUrl "<value>"} when it is not a URL), cached in {@code .dev-cert.pem}
 *       in the working directory and reused while it has more than 5 days left
 *       ({@code getGeneratedCertificate.ts});
 *   <li>{@code {certificate: {cert, key}}}: PEM text (usually {@code {$file: ...}}), the
 *       certificate chain leaf first and an unencrypted private key that belongs to it.
 * </ul>
 *
 * Plain Java; greenroom-config's Pax Web seed uses it too (a private copy of this package).
 */
public final class HttpsOptions {
  public static final String KEY = "backend.https";
  /** Backstage's cache file when there is no {@code node_modules} (always, here). */
  public static final Path DEV_CERT_FILE = Path.of(".dev-cert.pem");
  static final Duration MIN_REMAINING = Duration.ofDays(5);

  private HttpsOptions() {}

  /** Whether the backend serves https: {@code backend.https} is set (what discovery's scheme follows). */
  public static boolean enabled(Config config) {
    return config.has(KEY);
  }

  /** The certificate to serve, empty when {@code backend.https} is not set. */
  public static Optional<ServedCertificate> read(Config config, Path devCertFile, ServerLog log) {
    Optional<Object> raw = config.getOptional(KEY);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (Boolean.TRUE.equals(raw.get())) {
      String baseUrl = config.getString("backend.baseUrl");
      String hostname;
      try {
        hostname = URI.create(baseUrl).toURL().getHost();
      } catch (IllegalArgumentException | java.net.MalformedURLException e) {
        throw new IllegalArgumentException("Invalid baseUrl \"" + baseUrl + "\"");
      }
      return Optional.of(generated(hostname, devCertFile, log, Instant.now()));
    }
    if (!(raw.get() instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("Invalid config value at '" + KEY + "': '" + raw.get()
          + "' is not true or an object {certificate: {cert, key}}");
    }
    String certKey = KEY + ".certificate.cert";
    String keyKey = KEY + ".certificate.key";
    String certPem = config.getString(certKey);
    String keyPem = config.getString(keyKey);
    List<X509Certificate> chain = Pem.certificates(certPem, certKey);
    PrivateKey key = Pem.privateKey(keyPem, keyKey);
    if (!Pem.matches(key, chain.get(0))) {
      throw Pem.invalid(keyKey, "the private key does not belong to the certificate at '" + certKey + "' ("
          + ServedCertificate.describe(chain.get(0)) + ")");
    }
    return Optional.of(new ServedCertificate(key, chain));
  }

  /** Backstage's {@code getGeneratedCertificate}: the cached one while it has 5 days left, else a new one, cached. */
  static ServedCertificate generated(String hostname, Path file, ServerLog log, Instant now) {
    if (Files.exists(file)) {
      try {
        String pem = Files.readString(file, StandardCharsets.UTF_8);
        List<X509Certificate> chain = Pem.certificates(pem, file.toString());
        PrivateKey key = Pem.privateKey(pem, file.toString());
        Duration remaining = Duration.between(now, chain.get(0).getNotAfter().toInstant());
        if (remaining.compareTo(MIN_REMAINING) > 0 && Pem.matches(key, chain.get(0))) {
          log.info("Using existing self-signed certificate");
          return new ServedCertificate(key, chain);
        }
      } catch (IOException | RuntimeException e) {
        log.warn("Unable to use existing self-signed certificate, " + e);
      }
    }
    log.info("Generating new self-signed certificate");
    ServedCertificate cert;
    try {
      cert = SelfSignedCertificate.generate(hostname, now);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Unable to generate a self-signed certificate for " + KEY + ": " + e, e);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".dev-cert", ".tmp");
      ServedCertificate.ownerOnly(tmp);
      Files.writeString(tmp, cert.pem(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | GeneralSecurityException e) {
      log.warn("Unable to cache the self-signed certificate in " + file.toAbsolutePath() + ": " + e);
    }
    return cert;
  }
}
