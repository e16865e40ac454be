package dev.greenroom.events.internal;

import dev.greenroom.backend.api.services.LoggerService;
import java.util.Objects;

/**
 * The root context of {@code events.service}, shared by every plugin's service and by plugin
 * {@code events}: the in-process store, and the bus plugin {@code events} attaches while it runs
 * (when {@code events.useEventBus} lets it). Publishes and readers go to the bus while it is
 * attached, to the in-process store otherwise.
 */
public final class EventsHub {
  private final MemoryEventBusStore local;
  private final Timing timing;
  private volatile EventBusMode mode;
  private volatile EventBusStore bus;
  private volatile LoggerService logger;
  private final java.util.Set<SubscriptionReader> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public EventsHub(EventBusMode mode, Timing timing, int localMaxCount, LoggerService logger) {
    this.mode = mode;
    this.timing = timing;
    this.local = new MemoryEventBusStore(localMaxCount);
    this.logger = logger;
  }

  public EventsHub(EventBusMode mode, LoggerService logger) {
    this(mode, Timing.DEFAULT, Window.DEFAULT.maxCount(), logger);
  }

  public EventBusMode mode() {
    return mode;
  }

  /** The mode read from config when the root context was created (OSGi: at the first plugin's start). */
  public void mode(EventBusMode mode) {
    this.mode = Objects.requireNonNull(mode);
  }

  public void logger(LoggerService logger) {
    this.logger = logger;
  }

  Timing timing() {
    return timing;
  }

  /** Where publishes and readers go now. */
  public EventBusStore current() {
    EventBusStore b = bus;
    return b != null ? b : local;
  }

  boolean isOpen(EventBusStore store) {
    return store == local || store == bus;
  }

  /**
   * Plugin {@code events} offers its store (PostgreSQL, or memory on another database). Taken
   * unless the mode is {@code never}: in-process, {@code auto} and {@code always} differ only where
   * upstream's client meets a 404, which cannot happen here.
   *
   * @return whether the store is now in use
   */
  public boolean attach(EventBusStore store) {
    if (mode == EventBusMode.NEVER) {
      return false;
    }
    // subscribe everyone on the new store first, so what is published there from now on waits for them
    for (SubscriptionReader r : readers) {
      try {
        store.upsertSubscription(r.id(), r.topics(), r.createdBy());
      } catch (RuntimeException e) {
        LoggerService l = logger;
        if (l != null) {
          l.warn("Could not subscribe \"" + r.id() + "\" on the " + store.kind() + " event bus yet; its reader retries", e);
        }
      }
    }
    bus = store;
    local.wakeups().wakeAll(); // readers move over once they drained what is left here
    return true;
  }

  /** Plugin {@code events} stops: back to in-process delivery. */
  public void detach(EventBusStore store) {
    if (bus == store) {
      bus = null;
      store.wakeups().wakeAll();
    }
  }

  void started(SubscriptionReader reader) {
    readers.add(reader);
  }

  void stopped(SubscriptionReader reader) {
    readers.remove(reader);
  }

  /** The in-process store (tests). */
  MemoryEventBusStore local() {
    return local;
  }

  LoggerService logger() {
    return logger;
  }
}
