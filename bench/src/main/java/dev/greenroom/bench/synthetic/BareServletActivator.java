package dev.greenroom.bench.synthetic;

import jakarta.servlet.Servlet;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The load benchmark's baselines: a plain jakarta servlet registered with the OSGi HTTP Whiteboard
 * at {@code /bare/*} in Pax Web's default context, so requests bypass Greenroom's dispatcher (no
 * plugin gate, auth barrier or request log), and the same servlet at {@code /bare-logged/*} doing
 * Backstage's default middleware by hand (helmet's headers, one request line per request through
 * SLF4J on the request thread). Both answer the same body as {@code /api/p0/hello}.
 */
public final class BareServletActivator implements BundleActivator {
  private ServiceRegistration<Servlet> registration;
  private ServiceRegistration<Servlet> logged;

  @Override
  public void start(BundleContext context) {
    int modules = Integer.parseInt(SyntheticHeaders.required(context.getBundle(), SyntheticHeaders.MODULE_COUNT));
    List<String> contributions = new java.util.ArrayList<>();
    for (int j = 0; j < modules; j++) {
      contributions.add("m" + j + "@g0");
    }
    Hashtable<String, Object> props = new Hashtable<>();
    props.put("osgi.http.whiteboard.servlet.pattern", "/bare/*");
    props.put("osgi.http.whiteboard.servlet.name", "greenroom-bench-bare");
    registration = context.registerService(Servlet.class, new HelloServlet("p0", modules, contributions, true), props);
    Hashtable<String, Object> loggedProps = new Hashtable<>();
    loggedProps.put("osgi.http.whiteboard.servlet.pattern", "/bare-logged/*");
    loggedProps.put("osgi.http.whiteboard.servlet.name", "greenroom-bench-bare-logged");
    logged = context.registerService(
        Servlet.class, new LoggedServlet(new HelloServlet("p0", modules, contributions, true)), loggedProps);
  }

  @Override
  public void stop(BundleContext context) {
    registration.unregister();
    logged.unregister();
  }
}
