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
  private final String pattern;
  private final String name;
  private ServiceRegistration<Servlet> registration;
  /** The served check's thread while it runs: it must not outlive this bundle's wiring. */
  private Thread check;

  WhiteboardServletHost(BundleContext context, PaxWebListen listen) {
    this(context, listen, "/*", "greenroom-dispatcher");
  }

  /** With another pattern and servlet name: WhiteboardRestartIT starts hosts beside the backend's own. */
  WhiteboardServletHost(BundleContext context, PaxWebListen listen, String pattern, String name) {
    this.context = context;
    this.listen = listen;
    this.pattern = pattern;
    this.name = name;
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
    long before = runtimeId();
    boolean moved = listen.apply(settings);
    if (moved) {
      // Pax Web restarts its server on its own thread when its configuration changes. Only launches
      // without greenroom-config's seed of the PID get here (docs/http.md).
      awaitListening(host, port, settings.https());
    }
    awaitTakeUp(moved ? before : -1);
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(PATTERN, pattern);
    props.put(NAME, name);
    props.put(ASYNC, Boolean.TRUE);
    registration = context.registerService(Servlet.class, dispatcher, props);
    checkServed(dispatcher, props, settings);
  }

  /**
   * {@link WhiteboardTakeUp}: a servlet registered before Pax Web's whiteboard has taken up its
   * newest container can be lost for good. {@code newerThan}: the runtime that was current before
   * this start moved Pax Web (its service id), which is no longer the one to wait for.
   */
  private void awaitTakeUp(long newerThan) throws InterruptedException {
    try {
      if (!WhiteboardTakeUp.await(() -> HttpRuntimeLook.look(context), newerThan, System::nanoTime, Thread::sleep,
          TAKE_UP_NANOS)) {
        LOG.info("Pax Web's whiteboard has not taken up its server after " + TAKE_UP_NANOS / 1_000_000_000L
            + " s; registering Greenroom's dispatcher servlet anyway");
      }
    } catch (NoClassDefFoundError noServletWhiteboardRuntime) {
      // the optional import is not wired: nothing to look at, the served check still follows
    }
  }

  private long runtimeId() {
    try {
      return HttpRuntimeLook.newestId(context);
    } catch (NoClassDefFoundError noServletWhiteboardRuntime) {
      return -1;
    }
  }

  private static final long TAKE_UP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

  /** {@link ServedCheck} on a thread of its own: the start goes on meanwhile. */
  private void checkServed(HttpServlet dispatcher, Hashtable<String, Object> props, ServerSettings settings) {
    String probeHost = settings.host() == null || settings.host().isBlank() || settings.host().equals("0.0.0.0")
        || settings.host().equals("::") ? "127.0.0.1" : settings.host();
    java.net.URI liveness = java.net.URI.create((settings.https() ? "https" : "http") + "://"
        + (probeHost.contains(":") ? "[" + probeHost + "]" : probeHost) + ":" + settings.port()
        + "/.backstage/health/v1/liveness");
    ServedCheck.Host host = new ServedCheck.Host() {
      @Override
      public void registerAgain(int answer) {
        LOG.warn("The server answered HTTP " + answer + " for " + liveness.getPath()
            + " without Greenroom's dispatcher servlet, registered with Pax Web's whiteboard; registering it again");
        synchronized (WhiteboardServletHost.this) {
          if (registration != null) {
            try {
              registration.unregister();
            } catch (IllegalStateException alreadyGone) {
              // the bundle is stopping
            }
            registration = context.registerService(Servlet.class, dispatcher, props);
          }
        }
      }

      @Override
      public boolean running() {
        synchronized (WhiteboardServletHost.this) {
          return registration != null;
        }
      }

      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
      }
    };
    Thread check = new Thread(() -> {
      try {
        if (ServedCheck.run(() -> status(liveness), host, SERVED_CHECK_NANOS) == ServedCheck.Outcome.NOT_SERVED) {
          LOG.error("The server does not serve Greenroom's dispatcher servlet at " + liveness
              + " after " + ServedCheck.MAX_REREGISTRATIONS + " new registrations with Pax Web's whiteboard: restart the backend");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "greenroom-http-served-check");
    check.setDaemon(true);
    this.check = check;
    check.start();
  }

  /** The HTTP status of a GET, or {@link ServedCheck#NO_ANSWER}. */
  private static int status(java.net.URI uri) {
    try {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) uri.toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      c.setRequestProperty("User-Agent", "greenroom-served-check");
      try {
        return c.getResponseCode();
      } finally {
        c.disconnect();
      }
    } catch (java.io.IOException | RuntimeException e) {
      return ServedCheck.NO_ANSWER;
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.greenroom.http");
  private static final long SERVED_CHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

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

  /**
   * Withdraws the dispatcher and ends the served check: a check still running when the bundle
   * stopped (a signal early in a launch) failed on its next class load, the bundle's wiring gone
   * ("NoClassDefFoundError: ServedCheck$Outcome"). Joined outside this object's lock, which the
   * check takes to ask whether it should go on.
   */
  @Override
  public void stop() {
    Thread running;
    synchronized (this) {
      if (registration != null) {
        try {
          registration.unregister();
        } catch (IllegalStateException alreadyGone) {
          // the bundle is stopping and the framework withdrew it already
        }
        registration = null;
      }
      running = check;
      check = null;
    }
    if (running != null && running != Thread.currentThread()) {
      running.interrupt();
      try {
        running.join(5_000); // a probe's connect and read timeouts are 0.5 s and 2 s
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
