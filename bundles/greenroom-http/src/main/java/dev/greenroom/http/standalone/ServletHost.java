package dev.greenroom.http.standalone;

import jakarta.servlet.http.HttpServlet;
import java.util.OptionalInt;

/**
 * Where the root router's one dispatcher servlet is served: an embedded Jetty in plain Java
 * ({@link EmbeddedJetty}), the OSGi Servlet Whiteboard (Pax Web) in the runtime. The root router
 * calls {@link #start} once from its factory and {@link #stop} from a root shutdown hook.
 */
public interface ServletHost {
  /** Serves {@code dispatcher} for every path ({@code /*}) on {@code host}:{@code port}. */
  void start(HttpServlet dispatcher, String host, int port) throws Exception;

  /**
   * Serves {@code dispatcher} as {@link #start(HttpServlet, String, int)} with the connector
   * {@code settings} (https, idle timeout). A host that cannot apply them refuses to start; the
   * default does so for anything beyond a host and port.
   */
  default void start(HttpServlet dispatcher, ServerSettings settings) throws Exception {
    if (settings.https() || settings.idleTimeout().isPresent()) {
      throw new UnsupportedOperationException(getClass().getName()
          + " cannot serve https (backend.https) or set a connector idle timeout (backend.server.timeout)");
    }
    start(dispatcher, settings.host(), settings.port());
  }

  /** Withdraws the dispatcher (and stops the server where this host owns one). */
  void stop() throws Exception;

  /**
   * The most threads the server serves requests with, if this host knows it: the default bound on
   * one plugin's concurrent requests ({@code backend.server.pluginConcurrency}) is a third of it.
   */
  default OptionalInt maxThreads() {
    return OptionalInt.empty();
  }
}
