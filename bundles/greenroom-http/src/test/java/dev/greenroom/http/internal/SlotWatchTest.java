package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.greenroom.backend.api.services.RootHttpRouterService;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import jakarta.servlet.Servlet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The watch thread never outlives its slots: closed with them, or ending once they are collected. */
@Timeout(60)
class SlotWatchTest {
  private static final RootHttpRouterService NO_ROUTES = new RootHttpRouterService() {
    @Override
    public void use(String path, Servlet handler) {}
  };

  private static Set<Thread> watchThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("greenroom-http-slot-watch") && t.isAlive())
        .collect(Collectors.toSet());
  }

  /** The watch thread {@code slots} started (one not in {@code before}). */
  private static Thread newWatchThread(Set<Thread> before) {
    Set<Thread> now = watchThreads();
    now.removeAll(before);
    assertEquals(1, now.size(), "one new watch thread");
    return now.iterator().next();
  }

  private static void awaitEnd(Thread t) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (t.isAlive() && System.nanoTime() < end) {
      System.gc();
      t.join(50);
    }
    assertFalse(t.isAlive(), "the watch thread still runs");
  }

  @Test
  void closeEndsTheThread() throws Exception {
    Set<Thread> before = watchThreads();
    PluginSlots slots = new PluginSlots(NO_ROUTES, new MapConfig(Map.of(), "test"), null);
    slots.slot("p");
    Thread watch = newWatchThread(before);
    slots.close();
    awaitEnd(watch);
  }

  @Test
  void slotsDroppedWithoutCloseEndTheThreadOnceCollected() throws Exception {
    Set<Thread> before = watchThreads();
    PluginSlots slots = new PluginSlots(NO_ROUTES, new MapConfig(Map.of(), "test"), null);
    slots.slot("p");
    Thread watch = newWatchThread(before);
    slots = null; // a runtime that forgets its root context without running the shutdown hook
    awaitEnd(watch);
  }
}
