package dev.greenroom.events.internal;

import java.util.concurrent.TimeUnit;

/**
 * The operations in flight on a store's connection pool. {@link #close(long)} refuses new ones and
 * waits (bounded) for those running, so the pool is never closed under a reader's claim: HikariCP
 * then marks the connection broken ("Socket closed", SQLSTATE 08006) and logs a warning at every
 * shutdown of a replica whose readers were mid-claim (seen in the mixed-fleet suite, docs/fleet.md).
 */
final class StoreGate {
  private int inFlight;
  private boolean closed;

  /** Thrown to an operation that starts after the store closed: its caller moves to the hub's current store. */
  static final class StoreClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    StoreClosedException(String kind) {
      super("The " + kind + " event bus is closed");
    }
  }

  synchronized void enter(String kind) {
    if (closed) {
      throw new StoreClosedException(kind);
    }
    inFlight++;
  }

  synchronized void exit() {
    if (--inFlight == 0) {
      notifyAll();
    }
  }

  /** Refuses new operations; waits up to {@code millis} for the running ones. Returns whether none is left. */
  synchronized boolean close(long millis) {
    closed = true;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      while (inFlight > 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
          break;
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return inFlight == 0;
  }
}
