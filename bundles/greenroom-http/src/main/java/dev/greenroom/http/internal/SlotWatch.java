package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.LoggerService;
import java.lang.ref.WeakReference;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread that looks after every slot, each tick: a second look at whether a start is
 * pending (so held requests of a plugin that failed meanwhile answer at once), presence (404 for
 * held requests of a removed plugin), deadlines of running requests, and the end of quiet log
 * episodes. A sweep instead of a timer per request: requests only add and remove themselves from
 * a concurrent set, the hot path takes no timer lock.
 *
 * <p>The thread ends with {@link #close()} (the root shutdown). Should a runtime drop the slots
 * without that, the thread ends by itself once they are collected: it holds them only weakly, so
 * it never keeps this bundle's class loader, or a plugin's router, reachable.
 */
final class SlotWatch implements AutoCloseable {
  /** Also the verdict delay: a failed plugin refuses at once after two ticks. */
  static final long TICK_MILLIS = 100;

  private final ScheduledExecutorService timer;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  SlotWatch(PluginSlots owner, long requestTimeoutMillis, LoggerService logger) {
    WeakReference<PluginSlots> slots = new WeakReference<>(owner);
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "greenroom-http-slot-watch");
      t.setDaemon(true);
      return t;
    });
    // a deadline is kept to within a quarter of itself, at most a tick late
    long tick = Math.max(10, Math.min(TICK_MILLIS, requestTimeoutMillis / 4));
    timer.scheduleWithFixedDelay(() -> {
      PluginSlots current = slots.get();
      if (current == null) {
        timer.shutdown();
        return;
      }
      long now = System.nanoTime();
      for (PluginSlot slot : current.watched()) {
        try {
          slot.refresh();
          slot.admission().expireOverdue(now);
          slot.log().endQuietEpisodes(now);
        } catch (RuntimeException e) {
          // one slot's trouble (a presence check of a stopping framework) must not end the watch;
          // logged once, not every tick
          if (failureLogged.compareAndSet(false, true)) {
            logger.warn("Checking the state of plugin '" + slot.pluginId() + "' failed; further failures are not logged", e);
          }
        }
      }
    }, tick, tick, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
