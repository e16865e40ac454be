package dev.greenroom.http.internal.osgi;

import java.io.IOException;
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

  /** Points Pax Web at {@code host:port}; returns whether its configuration had to change (its server restarts). */
  boolean apply(String host, int port) throws IOException {
    String currentPort = context.getProperty(PORT);
    String currentHost = context.getProperty(ADDRESSES);
    ConfigurationAdmin admin = configAdmin.get();
    Configuration existing = admin == null ? null : admin.getConfiguration(PID, "?");
    Dictionary<String, Object> props = existing == null ? null : existing.getProperties();
    if (props != null) {
      currentPort = Objects.toString(props.get(PORT), currentPort);
      currentHost = Objects.toString(props.get(ADDRESSES), currentHost);
    }
    if (String.valueOf(port).equals(currentPort) && host.equals(currentHost)) {
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
    existing.update(next);
    return true;
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
