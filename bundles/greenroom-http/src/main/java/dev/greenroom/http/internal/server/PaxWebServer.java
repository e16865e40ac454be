package dev.greenroom.http.internal.server;

import dev.greenroom.backend.api.services.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pax Web's configuration (PID {@code org.ops4j.pax.web}, keys from {@code
 * org.ops4j.pax.web.service.PaxWebConfig}) for everything Greenroom decides at the connector
 * beyond {@code backend.listen}: https on the one port (Pax Web's secure connector on {@code
 * backend.listen.port}, its plain HTTP connector off) and the connector idle timeout. Written by
 * greenroom-config's seed before Pax Web starts (runtime.jar) and compared by the HTTP bundle
 * when the backend starts (other launches).
 */
public final class PaxWebServer {
  public static final String HTTP_ENABLED = "org.osgi.service.http.enabled";
  public static final String SECURE_ENABLED = "org.osgi.service.http.secure.enabled";
  public static final String SECURE_PORT = "org.osgi.service.http.port.secure";
  public static final String KEYSTORE = "org.ops4j.pax.web.ssl.keystore";
  public static final String KEYSTORE_PASSWORD = "org.ops4j.pax.web.ssl.keystore.password";
  public static final String KEY_PASSWORD = "org.ops4j.pax.web.ssl.key.password";
  public static final String KEYSTORE_TYPE = "org.ops4j.pax.web.ssl.keystore.type";
  public static final String KEY_ALIAS = "org.ops4j.pax.web.ssl.key.alias";
  public static final String IDLE_TIMEOUT = "org.ops4j.pax.web.server.connector.idleTimeout";

  /** Pax Web's defaults for the keys compared by {@link #differs}. */
  public static final Map<String, String> DEFAULTS = Map.of(HTTP_ENABLED, "true", SECURE_ENABLED, "false");
  /** The keys whose values decide what Pax Web listens on; the key store's file and password do not. */
  public static final List<String> DECISIVE = List.of(HTTP_ENABLED, SECURE_ENABLED, SECURE_PORT, IDLE_TIMEOUT);
  /** The keys of https, removed when {@code backend.https} is not set. */
  public static final List<String> HTTPS_KEYS =
      List.of(SECURE_PORT, KEYSTORE, KEYSTORE_PASSWORD, KEY_PASSWORD, KEYSTORE_TYPE, KEY_ALIAS);

  private PaxWebServer() {}

  /**
   * The https and timeout keys for {@code config} served on {@code port}; with https, the key store
   * is written to {@code keyStoreFile} (a new random password each time).
   */
  public static Map<String, String> properties(
      Config config, int port, Path keyStoreFile, Path devCertFile, ServerLog log) {
    Map<String, String> props = new LinkedHashMap<>();
    Optional<ServedCertificate> https = HttpsOptions.read(config, devCertFile, log);
    if (https.isPresent()) {
      String password = HexFormat.of().formatHex(random());
      try {
        https.get().writeKeyStore(keyStoreFile, password.toCharArray());
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("Unable to write the key store for " + HttpsOptions.KEY + " to " + keyStoreFile
            + ": " + e, e);
      }
      props.putAll(https(port, keyStoreFile, password));
    } else {
      props.put(HTTP_ENABLED, "true");
      props.put(SECURE_ENABLED, "false");
    }
    ServerTimeouts.read(config).idleTimeout().ifPresent(d -> props.put(IDLE_TIMEOUT, String.valueOf(d.toMillis())));
    return props;
  }

  /** The decisive keys only (no key store is written): what {@link #differs} compares. */
  public static Map<String, String> decisive(Config config, int port) {
    Map<String, String> props = new LinkedHashMap<>();
    if (HttpsOptions.enabled(config)) {
      props.put(HTTP_ENABLED, "false");
      props.put(SECURE_ENABLED, "true");
      props.put(SECURE_PORT, String.valueOf(port));
    } else {
      props.put(HTTP_ENABLED, "true");
      props.put(SECURE_ENABLED, "false");
    }
    ServerTimeouts.read(config).idleTimeout().ifPresent(d -> props.put(IDLE_TIMEOUT, String.valueOf(d.toMillis())));
    return props;
  }

  /** The keys of Pax Web's secure connector on {@code port} with the PKCS#12 {@code keyStoreFile}, plain HTTP off. */
  public static Map<String, String> https(int port, Path keyStoreFile, String password) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(HTTP_ENABLED, "false");
    props.put(SECURE_ENABLED, "true");
    props.put(SECURE_PORT, String.valueOf(port));
    props.put(KEYSTORE, keyStoreFile.toAbsolutePath().toString());
    props.put(KEYSTORE_PASSWORD, password);
    props.put(KEY_PASSWORD, password);
    props.put(KEYSTORE_TYPE, "PKCS12");
    props.put(KEY_ALIAS, ServedCertificate.ALIAS);
    return props;
  }

  /** Whether {@code current} (the PID's values, else the framework's, else Pax Web's defaults) differs from {@code wanted} in a decisive key. */
  public static boolean differs(Map<String, String> wanted, java.util.function.Function<String, String> current) {
    for (String key : DECISIVE) {
      String want = wanted.get(key);
      if (want == null) {
        continue;
      }
      String have = current.apply(key);
      if (have == null) {
        have = DEFAULTS.get(key);
      }
      if (!want.equals(have == null ? null : have.trim())) {
        return true;
      }
    }
    return false;
  }

  private static byte[] random() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
