package dev.greenroom.http.internal;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A request running in a plugin's handlers, for {@code backend.server.requestTimeout}. A servlet
 * thread cannot be taken back, so the deadline interrupts it: a handler blocked on a dead
 * database's pool, a lock, a queue or a slow client's body wakes up with an interrupt and its
 * request answers 503 (as Tomcat's StuckThreadDetectionValve interrupts stuck threads). An answer
 * already begun (committed: a stream, server-sent events) is left alone. The interrupt can only hit
 * while the request runs: {@link #expire} and {@link #finish} exclude each other, and the thread's
 * flag is cleared before it goes back to the server's pool.
 */
final class InFlight {
  private final Thread thread;
  private final long arrivalNanos;
  private final HttpServletResponse response;
  private boolean finished;
  private boolean timedOut;

  InFlight(Thread thread, long arrivalNanos, HttpServletResponse response) {
    this.thread = thread;
    this.arrivalNanos = arrivalNanos;
    this.response = response;
  }

  long arrivalNanos() {
    return arrivalNanos;
  }

  /** The deadline passed: interrupt the handler once, unless it finished or began answering. */
  synchronized void expire() {
    if (finished || timedOut || response.isCommitted()) {
      return;
    }
    timedOut = true;
    thread.interrupt();
  }

  /** On the request's own thread, when the handlers returned or threw. */
  void finish() {
    boolean interrupted;
    synchronized (this) {
      finished = true;
      interrupted = timedOut;
    }
    if (interrupted) {
      Thread.interrupted(); // not the next request's problem
    }
  }

  synchronized boolean timedOut() {
    return timedOut;
  }
}
