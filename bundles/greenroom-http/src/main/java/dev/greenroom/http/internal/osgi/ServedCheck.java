package dev.greenroom.http.internal.osgi;

import java.util.function.IntSupplier;

/**
 * After the dispatcher servlet is registered with Pax Web's whiteboard: checks, bounded, that the
 * server really serves it, and has it registered again when the server answers without it.
 *
 * <p>Why: registering the whiteboard service is not serving. In one runnable-jar launch of about
 * 40 (a paired benchmark at load 2-3, 2026-12-06), Pax Web kept answering Jetty's own HTML 404 for
 * every path, the readiness probe included, while the backend had logged "Listening on ..." and
 * every plugin was running: nothing but a restart helped, and nothing said what was wrong. The
 * check asks for Backstage's liveness path, which the dispatcher answers 200 from its first moment
 * ({@code RootHealth}); an HTTP answer other than 200 there comes from the container, not from the
 * dispatcher. Each look is one request (a request-log line, as any probe's).
 *
 * <p>The cause found since: a Pax Web whiteboard race at a new container, now avoided by waiting
 * before the registration ({@link WhiteboardTakeUp}); this check stays as the net for what else
 * could leave the dispatcher unserved.
 *
 * <p>Plain Java: {@code probe} returns the HTTP status, or {@link #NO_ANSWER} when nothing answered
 * (not listening yet, a TLS certificate this JVM does not trust, a timeout); only a definite
 * container answer leads to a new registration.
 */
final class ServedCheck {
  static final int NO_ANSWER = -1;

  /** What a check ended with. */
  enum Outcome {
    SERVED,
    /** The container kept answering without the dispatcher after {@link #MAX_REREGISTRATIONS} new registrations. */
    NOT_SERVED,
    /** Nothing answered within the time: nothing can be said (and nothing was changed). */
    NO_ANSWER
  }

  static final int MAX_REREGISTRATIONS = 3;
  /** A container answer is acted on only when it repeats this long: a registration in flight settles first. */
  static final long CONFIRM_NANOS = 500_000_000L;

  interface Host {
    /** Unregisters the dispatcher servlet and registers it again; {@code answer} is what the container said. */
    void registerAgain(int answer);

    /** Whether to keep looking: false once the host has stopped. */
    boolean running();

    long nanoTime();

    void pause(long millis) throws InterruptedException;
  }

  private ServedCheck() {}

  static Outcome run(IntSupplier probe, Host host, long timeoutNanos) throws InterruptedException {
    long end = host.nanoTime() + timeoutNanos;
    int again = 0;
    long containerSince = -1;
    while (host.running() && host.nanoTime() < end) {
      int status = probe.getAsInt();
      if (status == 200) {
        return Outcome.SERVED;
      }
      if (status == NO_ANSWER) {
        containerSince = -1;
      } else if (containerSince < 0) {
        containerSince = host.nanoTime();
      } else if (host.nanoTime() - containerSince >= CONFIRM_NANOS) {
        if (again == MAX_REREGISTRATIONS) {
          return Outcome.NOT_SERVED;
        }
        again++;
        host.registerAgain(status);
        containerSince = -1;
      }
      host.pause(100);
    }
    return Outcome.NO_ANSWER;
  }
}
