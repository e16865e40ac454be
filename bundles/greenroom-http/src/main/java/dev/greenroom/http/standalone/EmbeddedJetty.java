package dev.greenroom.http.standalone;

import dev.greenroom.http.internal.ContainerErrorHandler;
import dev.greenroom.http.internal.RootDispatcher;
import jakarta.servlet.http.HttpServlet;
import java.util.OptionalInt;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A plain-Java {@link ServletHost}: a Jetty 12 server of its own. Port 0 picks a free port; read it
 * back with {@link #port()} after the backend started. Used by tests and embeddings without OSGi
 * (in OSGi, Pax Web owns the server).
 */
public final class EmbeddedJetty implements ServletHost {
  /** Where the context's error pages dispatch: the root dispatcher, mapped to {@code /*}, answers them. */
  static final String ERROR_PAGE = "/.greenroom/error";
  private final int maxThreads;
  private Server server;
  private volatile int port = -1;

  /** Jetty's default thread pool (200 threads). */
  public EmbeddedJetty() {
    this(0);
  }

  /** A pool of at most {@code maxThreads} threads (0: Jetty's default), e.g. to test that holds take none. */
  public EmbeddedJetty(int maxThreads) {
    this.maxThreads = maxThreads;
  }

  @Override
  public void start(HttpServlet dispatcher, String host, int port) throws Exception {
    start(dispatcher, ServerSettings.http(host, port));
  }

  /** Plain HTTP or https on the one connector, with the settings' idle timeout. */
  @Override
  public synchronized void start(HttpServlet dispatcher, ServerSettings settings) throws Exception {
    if (server != null) {
      throw new IllegalStateException("EmbeddedJetty already serves a dispatcher");
    }
    Server s = maxThreads > 0 ? new Server(new QueuedThreadPool(maxThreads, Math.min(4, maxThreads))) : new Server();
    ServerConnector connector;
    if (settings.keyStore().isPresent()) {
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStore(settings.keyStore().get());
      tls.setKeyStorePassword(new String(settings.keyStorePassword()));
      tls.setKeyManagerPassword(new String(settings.keyStorePassword()));
      tls.setCertAlias(ServerSettings.KEY_ALIAS);
      HttpConfiguration https = new HttpConfiguration();
      https.addCustomizer(new SecureRequestCustomizer(false)); // no SNI host check: clients call 127.0.0.1
      SslConnectionFactory ssl = new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString());
      connector = maxThreads > 0
          ? new ServerConnector(s, 1, 1, ssl, new HttpConnectionFactory(https))
          : new ServerConnector(s, ssl, new HttpConnectionFactory(https));
    } else {
      connector = maxThreads > 0 ? new ServerConnector(s, 1, 1) : new ServerConnector(s);
    }
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    settings.idleTimeout().ifPresent(d -> connector.setIdleTimeout(d.toMillis()));
    s.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder("greenroom-dispatcher", dispatcher);
    // requests held for a plugin's pending start wait without a thread (as on Pax Web's whiteboard)
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    if (dispatcher instanceof RootDispatcher root) {
      // Jetty's own error pages (an ambiguous path refused in the context, an unparsable request
      // refused by the server) become Backstage's JSON error answer with the security headers
      ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
      errorPages.addErrorPage(400, 599, ERROR_PAGE);
      context.setErrorHandler(errorPages);
      s.setErrorHandler(new ContainerErrorHandler(root));
    }
    s.setHandler(context);
    s.setStopAtShutdown(false);
    s.start();
    this.port = ((ServerConnector) s.getConnectors()[0]).getLocalPort();
    this.server = s;
  }

  /** The configured pool size, or Jetty's default pool's (200) once started. */
  @Override
  public synchronized OptionalInt maxThreads() {
    if (maxThreads > 0) {
      return OptionalInt.of(maxThreads);
    }
    return server != null && server.getThreadPool() instanceof QueuedThreadPool pool
        ? OptionalInt.of(pool.getMaxThreads())
        : OptionalInt.empty();
  }

  /** The connector's idle timeout in ms (Jetty's default unless the settings gave one), -1 before start. */
  public synchronized long idleTimeout() {
    return server == null ? -1 : ((ServerConnector) server.getConnectors()[0]).getIdleTimeout();
  }

  /** The port actually listened on, -1 before start. */
  public int port() {
    return port;
  }

  @Override
  public synchronized void stop() throws Exception {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
