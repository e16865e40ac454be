package dev.greenroom.http.internal.osgi;

import dev.greenroom.http.internal.server.PaxWebServer;
import dev.greenroom.http.standalone.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Feeds {@code backend.listen} to Pax Web. Pax Web reads its port and addresses from ConfigAdmin PID
 * {@code org.ops4j.pax.web}, else from the framework properties {@code org.osgi.service.http.port} /
 * {@code org.ops4j.pax.web.listening.addresses}. In runtime.jar greenroom-config has already put
 * backend.listen into that PID before Pax Web started ({@code felix.cm.pm=greenroom}, docs/http.md),
 * so nothing is left to do here. Elsewhere (a launch without it, such as the Pax Exam tests, which
 * set the framework properties) the PID is written when it or the framework properties say
 * something else, and Pax Web restarts its connector on the configured address.
 */
final class PaxWebListen {
  static final String PID = "org.ops4j.pax.web";
  static final String PORT = "org.osgi.service.http.port";
  static final String ADDRESSES = "org.ops4j.pax.web.listening.addresses";
  static final String MAX_THREADS = "org.ops4j.pax.web.server.maxThreads";

  private final BundleContext context;
  private final Supplier<ConfigurationAdmin> configAdmin;

  PaxWebListen(BundleContext context, Supplier<ConfigurationAdmin> configAdmin) {
    this.context = context;
    this.configAdmin = configAdmin;
  }

  /**
   * Points Pax Web at {@code settings}' host and port, with https (its secure connector on that
   * port, plain HTTP off) and idle timeout when they say so; returns whether its configuration had
   * to change (its server restarts).
   */
  boolean apply(ServerSettings settings) throws IOException {
    String host = settings.host();
    int port = settings.port();
    String currentPort = context.getProperty(PORT);
    String currentHost = context.getProperty(ADDRESSES);
    ConfigurationAdmin admin = configAdmin.get();
    Configuration existing = admin == null ? null : admin.getConfiguration(PID, "?");
    Dictionary<String, Object> props = existing == null ? null : existing.getProperties();
    if (props != null) {
      currentPort = Objects.toString(props.get(PORT), currentPort);
      currentHost = Objects.toString(props.get(ADDRESSES), currentHost);
    }
    Map<String, String> decisive = new LinkedHashMap<>();
    decisive.put(PaxWebServer.HTTP_ENABLED, String.valueOf(!settings.https()));
    decisive.put(PaxWebServer.SECURE_ENABLED, String.valueOf(settings.https()));
    if (settings.https()) {
      decisive.put(PaxWebServer.SECURE_PORT, String.valueOf(port));
    }
    settings.idleTimeout().ifPresent(d -> decisive.put(PaxWebServer.IDLE_TIMEOUT, String.valueOf(d.toMillis())));
    Dictionary<String, Object> pid = props;
    boolean serverDiffers = PaxWebServer.differs(decisive, key -> {
      Object v = pid == null ? null : pid.get(key);
      return v != null ? String.valueOf(v) : context.getProperty(key);
    });
    if (String.valueOf(port).equals(currentPort) && host.equals(currentHost) && !serverDiffers) {
      return false;
    }
    if (admin == null) {
      throw new IllegalStateException("backend.listen asks for " + host + ":" + port + " but Pax Web is configured for "
          + currentHost + ":" + currentPort + " (framework properties " + ADDRESSES + ", " + PORT
          + ") and no ConfigurationAdmin is available to change it");
    }
    Dictionary<String, Object> next = props == null ? new Hashtable<>() : props;
    next.put(PORT, String.valueOf(port));
    next.put(ADDRESSES, host);
    for (String key : PaxWebServer.HTTPS_KEYS) {
      next.remove(key);
    }
    decisive.forEach(next::put);
    if (settings.https()) {
      Path file = context.getDataFile("https/keystore.p12").toPath();
      String password = new String(settings.keyStorePassword());
      try {
        writeKeyStore(settings.keyStore().get(), settings.keyStorePassword(), file);
      } catch (java.security.GeneralSecurityException e) {
        throw new IOException("Unable to write the key store for backend.https to " + file + ": " + e, e);
      }
      PaxWebServer.https(port, file, password).forEach(next::put);
    }
    existing.update(next);
    return true;
  }

  private static void writeKeyStore(KeyStore store, char[] password, Path file)
      throws IOException, java.security.GeneralSecurityException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".keystore", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // the bundle's data area's own permissions apply
    }
    try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
      store.store(out, password);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Pax Web's thread pool size from its PID or the framework properties; empty if unset or unreadable. */
  OptionalInt maxThreads() {
    String value = context.getProperty(MAX_THREADS);
    try {
      ConfigurationAdmin admin = configAdmin.get();
      Configuration existing = admin == null ? null : admin.getConfiguration(PID, "?");
      Dictionary<String, Object> props = existing == null ? null : existing.getProperties();
      if (props != null && props.get(MAX_THREADS) != null) {
        value = String.valueOf(props.get(MAX_THREADS));
      }
      return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.trim()));
    } catch (IOException | RuntimeException unreadable) {
      return OptionalInt.empty(); // Pax Web refuses such a value itself; the bound keeps its default
    }
  }
}
