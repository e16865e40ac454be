package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.ServiceUnavailableError;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.http.standalone.PluginPresence;
import dev.greenroom.http.standalone.PluginStarts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mount of one plugin id at {@code /api/<pluginId>}: mounted on the root router once and
 * outliving any one instance of the plugin. It holds the plugin's current {@link PluginRouter} and
 * the lifecycle gate (Backstage's createLifecycleMiddleware in https://github.com/backstage/backstage/blob/master/packages/backend-defaults/src/entrypoints/httpRouter/createLifecycleMiddleware.ts):
 *
 * <ul>
 *   <li>{@code PENDING}: a router is attached but the plugin's startup hooks have not run; requests
 *       are held up to {@code backend.lifecycle.startupRequestPauseTimeout}, then 503 {@value
 *       #NOT_STARTED};
 *   <li>{@code OPEN}: requests go to the router;
 *   <li>{@code RESTARTING}: the instance shut down while the backend keeps running (a restart, an
 *       update, a removal): requests are held for the next instance, up to the same timeout, then
 *       503 {@value #SHUTTING_DOWN}; if the plugin is no longer {@linkplain PluginPresence
 *       provided}, 404 at once;
 *   <li>{@code STOPPED}: the plugin shut down with the backend: 503 {@value #SHUTTING_DOWN}.
 * </ul>
 *
 * <p>Beyond Backstage (docs/http.md, "Fault isolation on the request path"), a request is held only while a start is pending: once {@link
 * PluginStarts} says none is (the plugin failed or stopped), PENDING and RESTARTING answer their
 * 503 at once. That verdict is taken from two looks one {@link #refresh()} apart, because the
 * runtime passes through STOPPED for a moment between the two halves of a restart. Holding itself
 * is the caller's ({@link SlotServlet}: an async hold, no thread); the slot keeps the waiters and
 * wakes them on every change. Its {@link Admission} bounds the plugin's concurrent requests and
 * times them out ({@link RequestLimits}); its {@link SlotLog} logs each condition once per change.
 */
public final class PluginSlot {
  public static final String NOT_STARTED = "Service has not started up yet";
  public static final String SHUTTING_DOWN = "Service is shutting down";

  /** How often a blocked (non-async) request re-checks whether its plugin was removed. */
  static final long PRESENCE_POLL_NANOS = 100_000_000L;

  enum State { PENDING, OPEN, RESTARTING, STOPPED }

  /** What a request gets from the slot now. */
  record Gate(Kind kind, PluginRouter router, String refusal) {
    enum Kind { SERVE, HOLD, REFUSE, REMOVED }

    static final Gate HOLD = new Gate(Kind.HOLD, null, null);
    static final Gate REMOVED = new Gate(Kind.REMOVED, null, null);
    static final Gate NOT_STARTED = refuse(PluginSlot.NOT_STARTED);
    static final Gate STOPPED = refuse(SHUTTING_DOWN);

    static Gate serve(PluginRouter router) {
      return new Gate(Kind.SERVE, router, null);
    }

    static Gate refuse(String message) {
      return new Gate(Kind.REFUSE, null, message);
    }
  }

  private final String pluginId;
  private final RequestLimits limits;
  private final PluginPresence presence;
  private final PluginStarts starts;
  private final SlotLog log;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private State state = State.PENDING;
  private boolean backendStopping;
  private PluginRouter router;
  /**
   * The answer while the slot is settled — open (serve), stopped or failed (refuse) — else null:
   * written under the lock, read without it, so that requests to a running plugin, and the flood a
   * failed one gets, take no lock (every request of a plugin shares this slot).
   */
  private volatile Gate settled;
  /** Why no start is pending, confirmed by two looks; null while one is (or may be). */
  private String noStart;
  /** The first look's answer, waiting for the second. */
  private String noStartFirstLook;
  /** Resumers of held async requests, run (outside the lock) on every change. */
  private final Set<Runnable> waiters = new LinkedHashSet<>();
  /** Threads blocked in {@link #awaitChange} (hosts without async support). */
  private int blocked;
  private final Admission admission;

  public PluginSlot(String pluginId, Duration pauseTimeout) {
    this(pluginId, pauseTimeout, PluginPresence.ALWAYS);
  }

  public PluginSlot(String pluginId, Duration pauseTimeout, PluginPresence presence) {
    this(pluginId, RequestLimits.DEFAULTS.withPauseTimeout(pauseTimeout), presence, PluginStarts.ASSUME_PENDING, null);
  }

  public PluginSlot(
      String pluginId, RequestLimits limits, PluginPresence presence, PluginStarts starts, LoggerService logger) {
    this.pluginId = pluginId;
    this.limits = limits;
    this.presence = presence;
    this.starts = starts;
    this.log = new SlotLog(pluginId, limits, logger);
    this.admission = new Admission(limits, log);
  }

  public String pluginId() {
    return pluginId;
  }

  RequestLimits limits() {
    return limits;
  }

  SlotLog log() {
    return log;
  }

  /** A new plugin instance's router: requests wait until {@link #open(PluginRouter)}. */
  public void attach(PluginRouter next) {
    List<Runnable> wake;
    lock.lock();
    try {
      state = State.PENDING;
      router = next;
      wake = changedLocked();
    } finally {
      lock.unlock();
    }
    wake.forEach(Runnable::run);
  }

  /** The plugin's startup hooks ran: serve with {@code started} (if still the attached router). */
  public void open(PluginRouter started) {
    List<Runnable> wake = List.of();
    lock.lock();
    try {
      if (router == started) {
        state = State.OPEN;
        wake = changedLocked();
        log.serving();
      }
    } finally {
      lock.unlock();
    }
    wake.forEach(Runnable::run);
  }

  /**
   * The plugin instance shut down. While the backend runs this is a restart or a removal: hold
   * requests for the next instance; when the backend stops, 503 from now on. The stopped router is
   * dropped either way, so the slot keeps no reference to the old instance's classes.
   */
  public void stopped(PluginRouter stopping) {
    List<Runnable> wake = List.of();
    lock.lock();
    try {
      if (router == stopping) {
        state = backendStopping ? State.STOPPED : State.RESTARTING;
        router = null;
        wake = changedLocked();
      }
    } finally {
      lock.unlock();
    }
    wake.forEach(Runnable::run);
  }

  /** The backend is stopping: plugin shutdowns from now on are final (503, no holding). */
  public void backendStopping() {
    List<Runnable> wake;
    lock.lock();
    try {
      backendStopping = true;
      if (state == State.RESTARTING) {
        state = State.STOPPED;
      }
      wake = changedLocked();
    } finally {
      lock.unlock();
    }
    wake.forEach(Runnable::run);
  }

  /** A state change: the verdict starts over, blocked threads wake, held requests are resumed. */
  private List<Runnable> changedLocked() {
    noStart = null;
    noStartFirstLook = null;
    return wakeLocked();
  }

  /** Every change goes through here: the lock-free answer is renewed, waiters wake. */
  private List<Runnable> wakeLocked() {
    settled = settledLocked();
    changed.signalAll();
    if (waiters.isEmpty()) {
      return List.of();
    }
    List<Runnable> wake = new ArrayList<>(waiters);
    waiters.clear();
    return wake;
  }

  /** What a request gets now: no lock while the slot is settled. */
  Gate gate() {
    Gate known = settled;
    if (known != null) {
      return known;
    }
    lock.lock();
    try {
      return gateLocked();
    } finally {
      lock.unlock();
    }
  }

  /** RESTARTING is never settled: presence is asked per request (404 at once when removed). */
  private Gate settledLocked() {
    switch (state) {
      case OPEN:
        return Gate.serve(router);
      case STOPPED:
        return Gate.STOPPED;
      case PENDING:
        return noStart != null ? Gate.NOT_STARTED : null;
      default:
        return null;
    }
  }

  private Gate gateLocked() {
    switch (state) {
      case OPEN:
        return Gate.serve(router);
      case STOPPED:
        return Gate.STOPPED;
      case RESTARTING:
        if (!presence.isProvided(pluginId)) {
          return Gate.REMOVED;
        }
        return noStart != null ? Gate.STOPPED : Gate.HOLD;
      default:
        return noStart != null ? Gate.NOT_STARTED : Gate.HOLD;
    }
  }

  /** The 503 message a hold that ran out of time answers with, by what it waited for. */
  String holdTimeoutMessage() {
    lock.lock();
    try {
      return state == State.PENDING ? NOT_STARTED : SHUTTING_DOWN;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Registers {@code resume} to run at the next change, if the slot still holds requests; false
   * if it changed meanwhile (the caller resumes at once).
   */
  boolean hold(Runnable resume) {
    lock.lock();
    try {
      if (gateLocked().kind() != Gate.Kind.HOLD) {
        return false;
      }
      waiters.add(resume);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** A held request left (resumed, or its client went away). */
  void unhold(Runnable resume) {
    lock.lock();
    try {
      waiters.remove(resume);
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code backend.server.pluginHeldRequests} requests already wait (a soft bound). */
  boolean holdsFull() {
    lock.lock();
    try {
      return waiters.size() + blocked >= limits.pluginHeldRequests();
    } finally {
      lock.unlock();
    }
  }

  /** How many requests wait at this slot now, held or blocked (for the metrics). */
  int heldNow() {
    lock.lock();
    try {
      return waiters.size() + blocked;
    } finally {
      lock.unlock();
    }
  }

  /** Blocks until the slot changes, at most {@code nanos} (and a presence poll): hosts without async. */
  void awaitChange(long nanos) throws InterruptedException {
    lock.lock();
    try {
      blocked++;
      try {
        changed.awaitNanos(Math.min(nanos, PRESENCE_POLL_NANOS));
      } finally {
        blocked--;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The router to serve with, blocking while the slot holds requests; null when the plugin was
   * removed. For callers that cannot hold asynchronously.
   *
   * @throws ServiceUnavailableError {@value #NOT_STARTED} or {@value #SHUTTING_DOWN}: at once when no
   *     start is pending or the backend stopped, else after the pause timeout
   */
  public PluginRouter awaitRouter() throws InterruptedException {
    long end = System.nanoTime() + limits.pauseTimeout().toNanos();
    while (true) {
      Gate gate = gate();
      switch (gate.kind()) {
        case SERVE:
          return gate.router();
        case REMOVED:
          return null;
        case REFUSE:
          throw new RefusedRequest(gate.refusal());
        default:
          long left = end - System.nanoTime();
          if (left <= 0) {
            throw new RefusedRequest(holdTimeoutMessage());
          }
          awaitChange(left);
      }
    }
  }

  /**
   * Takes a second look at whether a start is pending and whether the plugin is still provided;
   * called every {@link SlotWatch} tick. Wakes held requests when the answer changed, and logs the
   * slot's condition once per change.
   */
  void refresh() {
    List<Runnable> wake = List.of();
    lock.lock();
    try {
      if (state == State.OPEN || state == State.STOPPED) {
        return;
      }
      if (state == State.RESTARTING && !presence.isProvided(pluginId)) {
        log.removed();
        wake = wakeLocked();
        return;
      }
      Optional<String> why = starts.noStartPending(pluginId);
      if (why.isEmpty()) {
        if (noStart != null) {
          noStart = null; // a start began after all
          wake = wakeLocked();
        }
        noStartFirstLook = null;
      } else if (noStart == null) {
        if (noStartFirstLook == null) {
          noStartFirstLook = why.get();
        } else {
          noStart = why.get();
          log.refusing(state == State.PENDING ? NOT_STARTED : SHUTTING_DOWN, noStart);
          wake = wakeLocked();
        }
      }
    } finally {
      lock.unlock();
      wake.forEach(Runnable::run);
    }
  }

  /** The plugin's concurrency bound and deadlines. */
  Admission admission() {
    return admission;
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
