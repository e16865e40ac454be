package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.LoggerService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Serves one {@link PluginSlot}: the JWKS route (outside the gate and barrier), then the gate, then
 * the plugin's router within the plugin's bounds. A request the gate holds goes async ({@link
 * HeldRequest}) and comes back here when the slot changes; a host without async support blocks a
 * thread instead, still bounded by the pause and {@code backend.server.pluginHeldRequests}.
 */
final class SlotServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  /** Restarts in a row a single request may ride through in one dispatch before it fails. */
  private static final int MAX_ATTEMPTS = 5;
  private final transient PluginSlot slot;
  private final transient LoggerService logger;
  private final transient PluginRequestMetrics metrics;

  SlotServlet(PluginSlot slot, LoggerService logger, PluginRequestMetrics metrics) {
    this.slot = slot;
    this.logger = logger;
    this.metrics = metrics;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HeldRequest held = HeldRequest.of(request);
    long arrival = held != null ? held.arrivalNanos() : System.nanoTime();
    PluginRequestMetrics.Instruments measure = metrics.instruments();
    String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
    try {
      if ("GET".equals(request.getMethod()) && PluginSlots.JWKS_PATH.equalsIgnoreCase(rest)) {
        PluginRouter current = slot.current();
        PluginRouter router = current != null ? current : routerOrHold(request, arrival);
        if (router != null) {
          Json.write(request, response, 200, Map.of("keys", router.auth().listPublicServiceKeys()));
        }
        return;
      }
      serveWithRetry(request, response, rest, arrival);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ErrorResponses.send(request, response, e, logger);
    } catch (Exception e) {
      ErrorResponses.send(request, response, e, logger);
    } finally {
      HeldRequest after = HeldRequest.of(request);
      if (after == null || !after.heldThisPass()) {
        // answered (not put on hold): measured once per request, as the dispatcher logs it
        metrics.served(measure, slot.pluginId(), request.getMethod(), response.getStatus(), System.nanoTime() - arrival, after != null);
      }
    }
  }

  /**
   * The router to serve with; null when the request was put on hold (this dispatch is over).
   *
   * @throws RefusedRequest 503 at once when the slot refuses or holds are full, or once the hold
   *     ran out
   * @throws NotFoundError the plugin was removed
   */
  private PluginRouter routerOrHold(HttpServletRequest request, long arrival) throws InterruptedException {
    RequestLimits limits = slot.limits();
    long holdEnd = arrival + Math.min(limits.pauseTimeout().toNanos(), limits.requestTimeout().toNanos());
    while (true) {
      PluginSlot.Gate gate = slot.gate();
      switch (gate.kind()) {
        case SERVE:
          return gate.router();
        case REMOVED:
          throw removed(request);
        case REFUSE:
          throw new RefusedRequest(gate.refusal());
        default:
          long left = holdEnd - System.nanoTime();
          if (left <= 0) {
            slot.log().heldTooLong();
            throw new RefusedRequest(slot.holdTimeoutMessage());
          }
          if (slot.holdsFull()) {
            slot.log().holdsFull();
            throw new RefusedRequest(slot.holdTimeoutMessage());
          }
          if (request.isAsyncSupported()) {
            HeldRequest.hold(request, slot, arrival, left);
            return null;
          }
          slot.awaitChange(left);
      }
    }
  }

  /**
   * Serves with the slot's current instance. A request that picked the old instance just before
   * it shut down finds its handler removed before it ran: it is served again by the next
   * instance (held like any request during a restart) instead of failing.
   */
  private void serveWithRetry(HttpServletRequest request, HttpServletResponse response, String rest, long arrival)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      PluginRouter router = routerOrHold(request, arrival);
      if (router == null) {
        return; // held: a later dispatch continues
      }
      InFlight running = slot.admission().admit(response, arrival);
      if (running == null) {
        throw new RefusedRequest(SlotLog.busyMessage(slot.pluginId(), slot.limits().pluginConcurrency()));
      }
      try {
        router.handle(request, response, request.getServletPath(), rest);
        return;
      } catch (HandlerRemovedException gone) {
        if (response.isCommitted() || attempt >= MAX_ATTEMPTS) {
          throw gone;
        }
        // the removed handler never ran; keep the chain's headers (security, CORS)
        response.resetBuffer();
      } catch (Exception | LinkageError e) {
        if (running.timedOut()) {
          // whatever the interrupt surfaced as (an InterruptedException, a pool timeout, ...)
          throw new RefusedRequest(
              SlotLog.timeoutMessage(slot.pluginId(), slot.limits().requestTimeout().toMillis()));
        }
        throw e;
      } finally {
        slot.admission().release(running);
      }
    }
  }

  /** The plugin is gone: the same JSON 404 as a path no plugin ever mounted. */
  private static NotFoundError removed(HttpServletRequest request) {
    return new NotFoundError("Not found: " + request.getMethod() + " " + request.getRequestURI());
  }
}
