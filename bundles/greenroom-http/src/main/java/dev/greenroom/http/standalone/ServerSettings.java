package dev.greenroom.http.standalone;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;

/**
 * What the root router asks of its {@link ServletHost}'s connector: the listen address ({@code
 * backend.listen}), https ({@code backend.https}: a PKCS#12 key store holding the key and
 * certificate chain under alias {@value #KEY_ALIAS}, protected by {@code keyStorePassword}) and the
 * connector's idle timeout ({@code backend.server.timeout} / {@code keepAliveTimeout}).
 */
public record ServerSettings(
    String host, int port, Optional<KeyStore> keyStore, char[] keyStorePassword, Optional<Duration> idleTimeout) {
  public static final String KEY_ALIAS = "greenroom";

  /** Plain HTTP on {@code host:port}, the server's own idle timeout. */
  public static ServerSettings http(String host, int port) {
    return new ServerSettings(host, port, Optional.empty(), new char[0], Optional.empty());
  }

  public boolean https() {
    return keyStore.isPresent();
  }
}
