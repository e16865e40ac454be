package dev.greenroom.http.internal.osgi;

import dev.greenroom.http.internal.ContainerErrorHandler;
import dev.greenroom.http.internal.RootDispatcher;
import java.util.Hashtable;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Under Pax Web, Jetty refuses an ambiguous path ({@code %2F}, {@code %5C}, an encoded dot segment)
 * or an unparsable one (a bad {@code %} escape) when it reads the request, before any handler,
 * servlet or whiteboard error page, and answers with its server error handler's HTML page, without
 * the security headers. Pax Web adds {@code org.eclipse.jetty.server.Handler} services to its
 * server; this one handles no request (every request passes on untouched) and, when Pax Web starts
 * it on its server, installs {@link ContainerErrorHandler} as that server's error handler, so those
 * refusals are Backstage's JSON error with the security headers. The previous handler is put back
 * when it stops.
 */
final class AmbiguousPathHandler extends Handler.Abstract.NonBlocking {
  private final RootDispatcher dispatcher;
  private Server installedOn;
  private Request.Handler previous;

  AmbiguousPathHandler(RootDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Registers the handler for {@code dispatcher}; null when the dispatcher is not Greenroom's root dispatcher. */
  static ServiceRegistration<?> register(BundleContext context, Object dispatcher) {
    if (!(dispatcher instanceof RootDispatcher root)) {
      return null;
    }
    Hashtable<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, 0);
    return context.registerService(Handler.class.getName(), new AmbiguousPathHandler(root), props);
  }

  @Override
  protected synchronized void doStart() throws Exception {
    super.doStart();
    Server server = getServer();
    if (server != null && installedOn != server) {
      previous = server.getErrorHandler();
      server.setErrorHandler(new ContainerErrorHandler(dispatcher));
      installedOn = server;
    }
  }

  @Override
  protected synchronized void doStop() throws Exception {
    if (installedOn != null && installedOn.getErrorHandler() instanceof ContainerErrorHandler) {
      installedOn.setErrorHandler(previous);
    }
    installedOn = null;
    super.doStop();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    return false;
  }
}
