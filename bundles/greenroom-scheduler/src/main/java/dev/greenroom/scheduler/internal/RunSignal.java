package dev.greenroom.scheduler.internal;

import dev.greenroom.backend.api.services.AbortSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AbortSignal} that can be fired, optionally chained to a parent that fires it too: the
 * Java side of Backstage's {@code delegateAbortController}.
 */
public final class RunSignal implements AbortSignal {
  private final List<Runnable> listeners = new ArrayList<>();
  private boolean aborted;

  /** A signal that also fires when {@code parent} does; {@code parent} may be null. */
  public static RunSignal childOf(AbortSignal parent) {
    RunSignal child = new RunSignal();
    if (parent != null) {
      parent.onAbort(child::abort);
    }
    return child;
  }

  public void abort() {
    List<Runnable> toRun;
    synchronized (this) {
      if (aborted) {
        return;
      }
      aborted = true;
      toRun = new ArrayList<>(listeners);
      listeners.clear();
    }
    for (Runnable listener : toRun) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // one failing listener must not keep the others from hearing the abort
      }
    }
  }

  @Override
  public synchronized boolean isAborted() {
    return aborted;
  }

  @Override
  public void onAbort(Runnable listener) {
    synchronized (this) {
      if (!aborted) {
        listeners.add(listener);
        return;
      }
    }
    listener.run();
  }
}
