package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.HealthResult;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootHealthService;
import dev.greenroom.http.internal.limits.ClientAddress;
import dev.greenroom.http.internal.limits.RateLimits;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one servlet that owns the whole URL space. Its chain is Backstage's default middleware
 * order: helmet (security headers), path guard, CORS, compression, request logging, body limit,
 * health router, routes, not-found, error handler. It also counts requests in flight so that shutdown can let them finish.
 * A request held at a plugin's slot ({@link HeldRequest}) passes through here once per dispatch;
 * it is counted and logged once, by the pass that ends without a hold.
 */
public final class RootDispatcher extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String HEALTH_PREFIX = "/.backstage/health/v1/";
  private static final long DRAIN_POLL_MILLIS = 10;

  private final transient RouteTable routes;
  private final transient RootHealthService health;
  private final transient SecurityHeaders securityHeaders;
  private final transient Cors cors;
  private final transient BodyLimit bodyLimit;
  private final transient Map<String, String> healthHeaders;
  private final transient LoggerService logger;
  private final transient RequestLog requestLog;
  private final transient String indexPath;
  /**
   * Requests in flight. A LongAdder rather than a counter under a monitor: every request touches
   * it twice, and only shutdown reads it (by polling, see {@link #closeAndDrain}).
   */
  private final transient LongAdder inFlight = new LongAdder();
  /** backend.trustProxy and backend.rateLimit (docs/http.md, Rate limits and proxies). */
  private transient volatile ClientAddress clientAddress = ClientAddress.DIRECT;
  private transient volatile RateLimits rateLimits = RateLimits.NONE;
  private volatile boolean closed;
  /** The backend is stopping: a plugin whose routes are gone is shutting down, not unknown. */
  private volatile boolean stopping;

  public RootDispatcher(
      RouteTable routes,
      RootHealthService health,
      SecurityHeaders securityHeaders,
      Cors cors,
      BodyLimit bodyLimit,
      Map<String, String> healthHeaders,
      LoggerService logger,
      String indexPath) {
    this.indexPath = indexPath;
    this.routes = routes;
    this.health = health;
    this.securityHeaders = securityHeaders;
    this.cors = cors;
    this.bodyLimit = bodyLimit;
    this.healthHeaders = Map.copyOf(healthHeaders);
    this.logger = logger;
    this.requestLog = new RequestLog(logger.child(Map.of("type", "incomingRequest")));
  }

  /** Sets the client address rule and the rate limiters, before the dispatcher serves. */
  public void limits(ClientAddress address, RateLimits limits) {
    this.clientAddress = address;
    this.rateLimits = limits;
  }

  @Override
  protected void service(HttpServletRequest original, HttpServletResponse response) throws IOException {
    HttpServletRequest request = clientAddress.wrap(original);
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      // the container's own error (an ambiguous path) or a handler's sendError: Backstage's body
      ContainerErrors.serve(request, response, securityHeaders);
      if (ContainerErrors.cameFromContainer(request)) {
        requestLog.record(request, response);
      }
      // a sendError answers before the body was read, like any refusal
      UnreadBody.discardRest(request, response);
      return;
    }
    HeldRequest held = HeldRequest.of(request);
    // the previous dispatch ended in a hold (not a handler's own async dispatch)
    if (held != null && request.getDispatcherType() == DispatcherType.ASYNC && held.heldThisPass()) {
      // a held request resumed: counted in flight since it arrived; the chain runs again from a
      // clean response (nothing was written while it waited)
      held.beginPass();
      if (!response.isCommitted()) {
        response.reset();
      }
    } else {
      inFlight.increment();
    }
    try {
      GzipResponse gzip = Compression.accepts(request) ? new GzipResponse(response) : null;
      HttpServletResponse out = gzip == null ? response : gzip;
      try {
        dispatch(request, out);
      } catch (Exception | LinkageError e) {
        ErrorResponses.send(request, out, e, logger);
      }
      if (!heldNow(request) && !request.isAsyncStarted()) {
        if (gzip != null) {
          gzip.finish();
        }
        // what the handlers left of the body is read after the answer, so the connection stays
        UnreadBody.discardRest(request, response);
      }
    } finally {
      HeldRequest nowHeld = heldNow(request) ? HeldRequest.of(request) : null;
      if (nowHeld != null) {
        // the pass that answers it logs and counts it; or this, if the client leaves meanwhile
        nowHeld.onAbandoned(() -> finished(request, response));
      } else {
        // also when the client went away while the answer was written
        finished(request, response);
      }
    }
  }

  /** Whether this dispatch ended with the request on hold at a plugin's slot. */
  private static boolean heldNow(HttpServletRequest request) {
    HeldRequest held = HeldRequest.of(request);
    return held != null && held.heldThisPass();
  }

  private void finished(HttpServletRequest request, HttpServletResponse response) {
    requestLog.record(request, response);
    rateLimits.finished(request, response);
    inFlight.decrement();
  }

  private void dispatch(HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (closed) {
      throw new RefusedRequest("Server is shutting down");
    }
    securityHeaders.apply(response);
    PathGuard.check(request.getRequestURI());
    if (cors != null && cors.apply(request, response)) {
      return;
    }
    HttpServletRequest limited = bodyLimit.apply(request);
    if (rateLimits.refusedGlobally(request, response)) {
      return;
    }
    String path = pathOf(request);
    if (path.regionMatches(true, 0, HEALTH_PREFIX, 0, HEALTH_PREFIX.length()) && serveHealth(path.substring(HEALTH_PREFIX.length()), request, response)) {
      return;
    }
    RouteTable.Match match = routes.match(path);
    if (match != null) {
      if (rateLimits.refusedForPlugin(match.route().path(), request, response)) {
        return;
      }
      match.route().handler().service(limited, response, match.mountPath(), match.rest());
      return;
    }
    RouteTable.Route index = indexPath == null || !IndexPath.servesFallback(path) ? null : routes.exact(indexPath);
    if (index != null) {
      // Backstage mounts the index handler at the root: it sees the whole path
      index.handler().service(limited, response, "", path);
      return;
    }
    if (stopping) {
      // Backstage keeps a stopped plugin's router mounted and answers 503 from its lifecycle gate;
      // here the plugin's routes are gone after its shutdown hooks, so say the same thing
      throw new RefusedRequest(PluginSlot.SHUTTING_DOWN);
    }
    ErrorResponses.notFound(request, response);
  }

  /**
   * Backstage's answer for an error the server raises before any servlet runs (a request it
   * cannot parse), for a host that lets Greenroom write it (the embedded Jetty's error handler).
   */
  public ContainerErrors.Answer containerError(int status, String message, String method, String uri, String query) {
    return ContainerErrors.answer(securityHeaders, status, message, method, uri, query);
  }

  /** The backend's before-shutdown: from now on a missing route is a plugin that shut down. */
  public void backendStopping() {
    stopping = true;
  }

  private boolean serveHealth(String which, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return false;
    }
    HealthResult result;
    if (which.equalsIgnoreCase("liveness")) {
      result = health.getLiveness();
    } else if (which.equalsIgnoreCase("readiness")) {
      result = health.getReadiness();
    } else {
      return false;
    }
    healthHeaders.forEach(response::setHeader);
    Json.write(request, response, result.status(), result.payload());
    return true;
  }

  /** The decoded path below the context (the dispatcher is mapped to {@code /*}). */
  static String pathOf(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String info = request.getPathInfo();
    if (servletPath == null || servletPath.isEmpty()) {
      return info == null || info.isEmpty() ? "/" : info; // mapped to /*: no copy
    }
    return info == null ? servletPath : servletPath + info;
  }

  /**
   * Refuses new requests (503) and waits until those in flight have finished, at most {@code
   * timeoutMillis}. Returns how many were still running when the wait ended.
   */
  public int closeAndDrain(long timeoutMillis) throws InterruptedException {
    closed = true;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    long running;
    while ((running = inFlight.sum()) > 0 && end - System.nanoTime() > 0) {
      Thread.sleep(DRAIN_POLL_MILLIS);
    }
    return (int) running;
  }

  /** Writes the request lines still queued; after {@link #closeAndDrain}. */
  public void closeRequestLog(long timeoutMillis) throws InterruptedException {
    requestLog.close(timeoutMillis);
  }
}
