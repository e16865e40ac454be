package dev.greenroom.backend.runtime.internal.services;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A value computed at most once, even when several threads ask at the same time: the others wait
 * for the first. A failure is remembered like a value, as Backstage keeps a rejected promise, so a
 * failing factory is not called again and every caller sees the same error.
 */
final class Once<T> {
  private final String description;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean done;
  private T value;
  private RuntimeException failure;
  private Thread computing;

  Once(String description) {
    this.description = description;
  }

  T get(Supplier<? extends T> supplier) {
    if (!done) {
      lock.lock();
      try {
        if (!done) {
          compute(supplier);
        }
      } finally {
        lock.unlock();
      }
    }
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  /** True once a value (not a failure) is available. */
  boolean hasValue() {
    return done && failure == null;
  }

  /** The value, or null while there is none. */
  T valueOrNull() {
    return hasValue() ? value : null;
  }

  private void compute(Supplier<? extends T> supplier) {
    // The lock is reentrant, so a thread that comes back here is following a dependency cycle;
    // waiting would never end, and recursing would overflow the stack.
    if (computing == Thread.currentThread()) {
      throw new IllegalStateException(
          "Circular dependency detected while instantiating " + description);
    }
    computing = Thread.currentThread();
    try {
      value = supplier.get();
      done = true;
    } catch (RuntimeException e) {
      failure = e;
      done = true;
    } finally {
      // A java.lang.Error (out of memory...) is not remembered: a later caller may try again.
      computing = null;
    }
  }
}
