package dev.greenroom.http.internal.osgi;

import dev.greenroom.http.standalone.ServerSettings;
import dev.greenroom.http.standalone.ServletHost;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import java.util.Hashtable;
import java.util.OptionalInt;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Serves the dispatcher through the OSGi Servlet Whiteboard 2.0 (Pax Web 11), once, at {@code /*}
 * of the default context. Where Pax Web listens is {@link PaxWebListen}'s business.
 */
final class WhiteboardServletHost implements ServletHost {
  static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";
  static final String NAME = "osgi.http.whiteboard.servlet.name";
  static final String ASYNC = "osgi.http.whiteboard.servlet.asyncSupported";

  private final BundleContext context;
  private final PaxWebListen listen;
  private ServiceRegistration<Servlet> registration;

  WhiteboardServletHost(BundleContext context, PaxWebListen listen) {
    this.context = context;
    this.listen = listen;
  }

  @Override
  public void start(HttpServlet dispatcher, String host, int port) throws Exception {
    start(dispatcher, ServerSettings.http(host, port));
  }

  @Override
  public synchronized void start(HttpServlet dispatcher, ServerSettings settings) throws Exception {
    if (registration != null) {
      throw new IllegalStateException("The Greenroom dispatcher servlet is already registered");
    }
    String host = settings.host();
    int port = settings.port();
    if (listen.apply(settings)) {
      // Pax Web restarts its server on its own thread when its configuration changes; a servlet
      // registered while it restarts could be lost (every request 404 — seen in the runnable jar,
      // before greenroom-config seeded the PID, in 2 launches of 5). Only launches without the seed
      // get here now.
      awaitListening(host, port, settings.https());
    }
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(PATTERN, "/*");
    props.put(NAME, "greenroom-dispatcher");
    props.put(ASYNC, Boolean.TRUE);
    registration = context.registerService(Servlet.class, dispatcher, props);
  }

  /**
   * Waits (bounded) until {@code host:port} accepts connections: Pax Web's new connector is up. For
   * https on the port the old plain connector listened on, until a TLS handshake succeeds there (the
   * default TLS context trusts the served certificate by now, {@code ServedCertificateTrust}).
   */
  private static void awaitListening(String host, int port, boolean https) throws InterruptedException {
    long end = System.nanoTime() + LISTEN_WAIT_NANOS;
    while (System.nanoTime() < end) {
      try (java.net.Socket probe = new java.net.Socket()) {
        probe.connect(new java.net.InetSocketAddress(host, port), 200);
        if (https) {
          probe.setSoTimeout(1000);
          try (javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) ((javax.net.ssl.SSLSocketFactory)
              javax.net.ssl.SSLSocketFactory.getDefault()).createSocket(probe, host, port, false)) {
            tls.startHandshake();
          }
        }
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(50);
      }
    }
  }

  private static final long LISTEN_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

  /** Pax Web's {@code org.ops4j.pax.web.server.maxThreads}, when configured. */
  @Override
  public OptionalInt maxThreads() {
    return listen.maxThreads();
  }

  @Override
  public synchronized void stop() {
    if (registration != null) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the bundle is stopping and the framework withdrew it already
      }
      registration = null;
    }
  }
}
