package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.http.internal.server.HttpsOptions;
import dev.greenroom.http.internal.server.ServedCertificate;
import dev.greenroom.http.internal.server.ServedCertificateTrust;
import dev.greenroom.http.internal.server.ServerLog;
import dev.greenroom.http.internal.server.ServerTimeouts;
import dev.greenroom.http.standalone.ServerSettings;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The connector settings the root router starts its host with: {@code backend.listen}, {@code
 * backend.https} (Backstage's createHttpServer: a PEM certificate or a generated one) and {@code
 * backend.server}'s timeouts. With https the JVM's default TLS context also trusts the served
 * certificate ({@link ServedCertificateTrust}), so plugins reach each other at discovery's https URLs.
 */
final class ServerStart {
  private ServerStart() {}

  static ServerSettings settings(Config config, ListenOptions listen, LoggerService logger) throws GeneralSecurityException {
    ServerLog log = new ServerLog() {
      @Override
      public void info(String message) {
        logger.info(message);
      }

      @Override
      public void warn(String message) {
        logger.warn(message);
      }
    };
    ServerTimeouts timeouts = ServerTimeouts.read(config);
    for (String key : timeouts.unsupported()) {
      logger.warn("Config key " + key + " has no counterpart in Jetty and is ignored (docs/http.md, Timeouts)");
    }
    Optional<ServedCertificate> https = HttpsOptions.read(config, HttpsOptions.DEV_CERT_FILE, log);
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    char[] password = HexFormat.of().formatHex(random).toCharArray();
    Optional<KeyStore> keyStore = Optional.empty();
    if (https.isPresent()) {
      keyStore = Optional.of(https.get().keyStore(password));
      ServedCertificateTrust.install(https.get());
    }
    return new ServerSettings(listen.host(), listen.port(), keyStore, password, timeouts.idleTimeout());
  }
}
