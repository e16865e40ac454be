package dev.greenroom.backend.runtime.internal.osgi;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: every coordinator has one, so
 * a plugin's events are handled strictly in order without a thread per plugin.
 */
final class SerialExecutor implements Executor {
  private final Executor pool;
  private final Consumer<Throwable> onError;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private boolean active;

  /** {@code onError} hears a step that threw: nothing the queue runs fails silently. */
  SerialExecutor(Executor pool, Consumer<Throwable> onError) {
    this.pool = pool;
    this.onError = onError;
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
      } catch (RuntimeException | Error e) {
        // a step must never kill the queue: report it and go on with the next input
        try {
          onError.accept(e);
        } catch (RuntimeException ignored) {
          // the reporter itself failed; the queue goes on
        }
      }
    }
  }
}
