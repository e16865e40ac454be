package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.ServiceUnavailableError;
import dev.greenroom.http.standalone.PluginPresence;
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
 *   <li>{@code RESTARTING}: the instance shut down while the backend keeps running (a restart, an
 *       update, a removal): requests are held for the next instance, up to the same timeout, then
 *       503 {@value #SHUTTING_DOWN}; if the plugin is no longer {@linkplain PluginPresence
 *       provided}, {@link #awaitRouter()} returns null at once (the caller answers 404);
 *   <li>{@code STOPPED}: the plugin shut down with the backend: 503 {@value #SHUTTING_DOWN}.
 * </ul>
 *
 * <p>The slot tells a restart from a backend stop by {@link #backendStopping()}, which the root
 * lifecycle's before-shutdown hook calls: the runtime's coordinators restart one plugin without
 * knowing about HTTP.
 */
public final class PluginSlot {
  public static final String NOT_STARTED = "Service has not started up yet";
  public static final String SHUTTING_DOWN = "Service is shutting down";

  /** How often a held request re-checks whether its plugin was removed. */
  private static final long PRESENCE_POLL_NANOS = 100_000_000L;

  enum State { PENDING, OPEN, RESTARTING, STOPPED }

  private final String pluginId;
  private final Duration pauseTimeout;
  private final PluginPresence presence;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private State state = State.PENDING;
  private boolean backendStopping;
  private PluginRouter router;
  /**
   * The router while the slot is {@code OPEN}, else null: written under the lock, read without it,
   * so a request to a running plugin takes no lock (every request of a plugin shares this slot).
   */
  private volatile PluginRouter openRouter;

  public PluginSlot(String pluginId, Duration pauseTimeout) {
    this(pluginId, pauseTimeout, PluginPresence.ALWAYS);
  }

  public PluginSlot(String pluginId, Duration pauseTimeout, PluginPresence presence) {
    this.pluginId = pluginId;
    this.pauseTimeout = pauseTimeout;
    this.presence = presence;
  }

  public String pluginId() {
    return pluginId;
  }

  /** A new plugin instance's router: requests wait until {@link #open(PluginRouter)}. */
  public void attach(PluginRouter next) {
    lock.lock();
    try {
      state = State.PENDING;
      router = next;
      openRouter = null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The plugin's startup hooks ran: serve with {@code started} (if still the attached router). */
  public void open(PluginRouter started) {
    lock.lock();
    try {
      if (router == started) {
        state = State.OPEN;
        openRouter = started;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The plugin instance shut down. While the backend runs this is a restart or a removal: hold
   * requests for the next instance; when the backend stops, 503 from now on. The stopped router is
   * dropped either way, so the slot keeps no reference to the old instance's classes.
   */
  public void stopped(PluginRouter stopping) {
    lock.lock();
    try {
      if (router == stopping) {
        state = backendStopping ? State.STOPPED : State.RESTARTING;
        router = null;
        openRouter = null;
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The backend is stopping: plugin shutdowns from now on are final (503, no holding). */
  public void backendStopping() {
    lock.lock();
    try {
      backendStopping = true;
      if (state == State.RESTARTING) {
        state = State.STOPPED;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The router to serve with, waiting while the slot is pending or restarting; null when the
   * plugin was removed (no longer provided) while restarting.
   *
   * @throws ServiceUnavailableError {@value #NOT_STARTED} after the pause timeout while a new
   *     instance starts, {@value #SHUTTING_DOWN} after it while no new instance came, or once stopped
   */
  public PluginRouter awaitRouter() throws InterruptedException {
    PluginRouter open = openRouter;
    if (open != null) {
      return open;
    }
    long end = System.nanoTime() + pauseTimeout.toNanos();
    lock.lock();
    try {
      while (true) {
        switch (state) {
          case OPEN:
            return router;
          case STOPPED:
            throw new ServiceUnavailableError(SHUTTING_DOWN);
          case RESTARTING:
            if (!presence.isProvided(pluginId)) {
              return null;
            }
            break;
          default:
            break;
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new ServiceUnavailableError(state == State.RESTARTING ? SHUTTING_DOWN : NOT_STARTED);
        }
        changed.awaitNanos(state == State.RESTARTING ? Math.min(left, PRESENCE_POLL_NANOS) : left);
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
}
