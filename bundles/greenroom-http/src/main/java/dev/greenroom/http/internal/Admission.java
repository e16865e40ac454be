package dev.greenroom.http.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One plugin's requests in its handlers: at most {@code backend.server.pluginConcurrency} at once
 * (a semaphore: refused, not queued, past it), each interrupted past {@code
 * backend.server.requestTimeout} ({@link InFlight}). Lock-free on the request path.
 */
final class Admission {
  private final Semaphore permits;
  private final long timeoutNanos;
  private final SlotLog log;
  private final Set<InFlight> running = ConcurrentHashMap.newKeySet();

  Admission(RequestLimits limits, SlotLog log) {
    this.permits = new Semaphore(limits.pluginConcurrency());
    this.timeoutNanos = limits.requestTimeout().toNanos();
    this.log = log;
  }

  /** The request on this thread enters the handlers, or null at the bound. */
  InFlight admit(HttpServletResponse response, long arrivalNanos) {
    if (!permits.tryAcquire()) {
      log.busy();
      return null;
    }
    InFlight request = new InFlight(Thread.currentThread(), arrivalNanos, response);
    running.add(request);
    return request;
  }

  /** The request admitted by {@link #admit} left the handlers (on its own thread). */
  void release(InFlight request) {
    running.remove(request);
    request.finish();
    permits.release();
    if (request.timedOut()) {
      log.timedOut();
    }
  }

  /** How many requests are in the plugin's handlers now (for the metrics). */
  int active() {
    return running.size();
  }

  /** Interrupts requests past their deadline that have not begun their answer. */
  void expireOverdue(long nowNanos) {
    for (InFlight r : running) {
      if (nowNanos - r.arrivalNanos() > timeoutNanos) {
        r.expire();
      }
    }
  }
}
