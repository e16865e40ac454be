package dev.greenroom.backend.runtime.internal.live;

/**
 * The plugin inits under way, so that a stop lets them finish first. Backstage's {@code stop()}
 * waits for the start to settle before it runs a single shutdown hook
 * (packages/backend-app-api/src/wiring/BackendInitializer.ts, {@code #doStop}: "await
 * this.#startPromise"); without that, a signal during a start ran the root before-shutdown hooks
 * while plugins were still initialising, and each of them failed on its first late hook ("Attempt
 * to add before shutdown hook after shutdown has started"), one error with its stack trace per
 * plugin. A live backend's start never ends (plugins come and go), so here a stop waits for the
 * inits that have begun, bounded, and no init begins once it is closed.
 */
final class InitsInFlight {
  private int running;
  private boolean closed;

  /** Whether an init may begin; if so, {@link #end} must follow. False once {@link #closeAndAwait} was called. */
  synchronized boolean begin() {
    if (closed) {
      return false;
    }
    running++;
    return true;
  }

  synchronized void end() {
    running--;
    notifyAll();
  }

  synchronized boolean closed() {
    return closed;
  }

  /**
   * No init begins from now on; waits until those under way have finished, at most {@code
   * millis}. Returns how many are still running (0 when all finished).
   */
  synchronized int closeAndAwait(long millis) throws InterruptedException {
    closed = true;
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (running > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000L));
    }
    return running;
  }
}
