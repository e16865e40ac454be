package dev.greenroom.scheduler.internal;

import dev.greenroom.backend.api.services.AbortSignal;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFunction;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of a task body on its own thread, bounded by the task's timeout. The caller gets control
 * back when the body returns or the timeout passes, whichever is first: a body that ignores its
 * abort signal cannot hold the task beyond its timeout (Backstage: the run is then considered
 * dead and the task is released).
 */
final class TaskRun {
  private TaskRun() {}

  /**
   * Thrown when the run was cancelled ({@code cancelTask}); the body's signal has fired, and the
   * scheduler stops waiting for it at once, as Backstage releases the task's claim at once.
   */
  static final class Cancelled extends Exception {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("Task was cancelled");
    }
  }

  /** Thrown when the body outlives its timeout; the body's signal has fired by then. */
  static final class TimedOut extends Exception {
    private static final long serialVersionUID = 1L;

    TimedOut(String taskId, Duration timeout) {
      super("Task " + taskId + " timed out after " + timeout);
    }
  }

  /**
   * Runs {@code fn} and waits for it. Interrupts of the calling thread do not end the wait: the
   * engine interrupts its workers on shutdown, and a run must then keep its claim until it ends or
   * times out, so that another instance takes over only after the timeout.
   */
  static void run(
      String threadName, String taskId, SchedulerServiceTaskFunction fn, Duration timeout, AbortSignal parent)
      throws Exception {
    run(threadName, taskId, fn, timeout, parent, null);
  }

  /**
   * As above; when {@code cancel} fires, the body's signal fires and this returns at once with
   * {@link Cancelled}, whether or not the body heeds its signal.
   */
  static void run(
      String threadName,
      String taskId,
      SchedulerServiceTaskFunction fn,
      Duration timeout,
      AbortSignal parent,
      AbortSignal cancel)
      throws Exception {
    RunSignal signal = RunSignal.childOf(parent);
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (cancel != null) {
      cancel.onAbort(() -> {
        done.completeExceptionally(new Cancelled());
        signal.abort();
      });
    }
    Thread body =
        new Thread(
            () -> {
              try {
                fn.run(signal);
                done.complete(null);
              } catch (Throwable t) {
                done.completeExceptionally(t);
              }
            },
            threadName);
    body.setDaemon(true);
    signal.onAbort(body::interrupt);
    body.start();

    long deadline = System.nanoTime() + timeout.toNanos();
    boolean interrupted = false;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        try {
          done.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof Exception ex) {
            throw ex;
          }
          throw (Error) cause;
        } catch (TimeoutException e) {
          signal.abort();
          throw new TimedOut(taskId, timeout);
        }
      }
    } finally {
      // the run is over for the scheduler: release what the signal holds
      signal.abort();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
