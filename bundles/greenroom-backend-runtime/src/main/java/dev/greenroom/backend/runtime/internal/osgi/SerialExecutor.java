package dev.greenroom.backend.runtime.internal.osgi;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: every coordinator has one, so
 * a plugin's events are handled strictly in order without a thread per plugin.
 */
final class SerialExecutor implements Executor {
  private final Executor pool;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private boolean active;

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public synchronized void execute(Runnable task) {
    tasks.add(task);
    if (!active) {
      active = true;
      pool.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = tasks.poll();
        if (next == null) {
          active = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        // a coordinator step must never kill the queue; the step records its own failure
      }
    }
  }
}
