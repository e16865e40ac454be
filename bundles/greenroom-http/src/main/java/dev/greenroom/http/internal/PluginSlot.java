package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.ServiceUnavailableError;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mount of one plugin id at {@code /api/<pluginId>}: mounted on the root router once and
 * outliving any one instance of the plugin. It holds the plugin's current {@link PluginRouter} and
 * the lifecycle gate (Backstage §1.9):
 *
 * <ul>
 *   <li>{@code PENDING}: a router is attached but the plugin's startup hooks have not run; requests
 *       wait up to {@code backend.lifecycle.startupRequestPauseTimeout}, then 503 {@value
 *       #NOT_STARTED};
 *   <li>{@code OPEN}: requests go to the router;
 *   <li>{@code STOPPED}: after the plugin's shutdown, 503 {@value #SHUTTING_DOWN}.
 * </ul>
 *
 * <p>Restart: attaching a new router (a new plugin instance, after {@link #hold()} or after a
 * stop) puts the slot back to {@code PENDING}, so requests that arrive while a plugin restarts are
 * held and then served by the new instance. {@link #hold()} is the hook a restarting coordinator
 * calls before the old instance's shutdown hooks run, so its requests are held instead of
 * answered 503.
 */
public final class PluginSlot {
  public static final String NOT_STARTED = "Service has not started up yet";
  public static final String SHUTTING_DOWN = "Service is shutting down";

  enum State { PENDING, OPEN, STOPPED }

  private final String pluginId;
  private final Duration pauseTimeout;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private State state = State.PENDING;
  private boolean holding;
  private PluginRouter router;

  public PluginSlot(String pluginId, Duration pauseTimeout) {
    this.pluginId = pluginId;
    this.pauseTimeout = pauseTimeout;
  }

  public String pluginId() {
    return pluginId;
  }

  /** A new plugin instance's router: requests wait until {@link #open(PluginRouter)}. */
  public void attach(PluginRouter next) {
    transition(State.PENDING, next);
  }

  /** The plugin's startup hooks ran: serve with {@code started} (if still the attached router). */
  public void open(PluginRouter started) {
    lock.lock();
    try {
      if (router == started) {
        state = State.OPEN;
        holding = false;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The plugin shut down: 503 from now on, unless {@link #hold()} announced a restart. */
  public void stopped(PluginRouter stopping) {
    lock.lock();
    try {
      if (router == stopping) {
        state = holding ? State.PENDING : State.STOPPED;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A restart is coming: hold requests (bounded) instead of answering 503 when the old instance stops. */
  public void hold() {
    lock.lock();
    try {
      holding = true;
      state = State.PENDING;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The router to serve with, waiting while the slot is pending.
   *
   * @throws ServiceUnavailableError {@value #NOT_STARTED} after the pause timeout, {@value
   *     #SHUTTING_DOWN} once stopped
   */
  public PluginRouter awaitRouter() throws InterruptedException {
    long end = System.nanoTime() + pauseTimeout.toNanos();
    lock.lock();
    try {
      while (true) {
        switch (state) {
          case OPEN:
            return router;
          case STOPPED:
            throw new ServiceUnavailableError(SHUTTING_DOWN);
          default:
            long left = end - System.nanoTime();
            if (left <= 0) {
              throw new ServiceUnavailableError(NOT_STARTED);
            }
            changed.awaitNanos(left);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** The attached router (started or not), or null: for routes outside the gate. */
  public PluginRouter current() {
    lock.lock();
    try {
      return state == State.STOPPED ? null : router;
    } finally {
      lock.unlock();
    }
  }

  String state() {
    lock.lock();
    try {
      return state.name();
    } finally {
      lock.unlock();
    }
  }

  private void transition(State next, PluginRouter nextRouter) {
    lock.lock();
    try {
      state = next;
      router = nextRouter;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
