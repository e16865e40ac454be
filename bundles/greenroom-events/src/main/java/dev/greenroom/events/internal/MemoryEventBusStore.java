package dev.greenroom.events.internal;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.events.EventParams;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process bus: the same log-and-cursors model as the PostgreSQL store, in memory (upstream's
 * MemoryEventBusStore, plugins/events-backend/src/service/hub/MemoryEventBusStore.ts). Events every
 * subscription has passed are dropped at once; at most {@code maxCount} are kept (the oldest go
 * first), so memory stays bounded when a subscriber keeps failing.
 */
public final class MemoryEventBusStore implements EventBusStore {
  private static final class Subscription {
    final ReentrantLock claim = new ReentrantLock();
    volatile Set<String> topics;
    long readUntil;

    Subscription(Set<String> topics, long readUntil) {
      this.topics = topics;
      this.readUntil = readUntil;
    }
  }

  private record Entry(StoredEvent stored, Set<String> notified) {}

  private final int maxCount;
  private final Deque<Entry> events = new ArrayDeque<>();
  private final Map<String, Subscription> subscriptions = new HashMap<>();
  private final Wakeups wakeups = new Wakeups();
  private long lastId;

  public MemoryEventBusStore(int maxCount) {
    this.maxCount = maxCount;
  }

  @Override
  public OptionalLong publish(EventParams event, String createdBy, Collection<String> notifiedSubscribers) {
    long id;
    synchronized (this) {
      boolean wanted = subscriptions.entrySet().stream()
          .anyMatch(s -> s.getValue().topics.contains(event.topic()) && !notifiedSubscribers.contains(s.getKey()));
      if (!wanted) {
        return OptionalLong.empty();
      }
      id = ++lastId;
      events.addLast(new Entry(new StoredEvent(id, event), Set.copyOf(notifiedSubscribers)));
      while (events.size() > maxCount) {
        events.removeFirst();
      }
    }
    wakeups.publish(event.topic());
    return OptionalLong.of(id);
  }

  @Override
  public synchronized void upsertSubscription(String id, List<String> topics, String createdBy) {
    Subscription existing = subscriptions.get(id);
    if (existing != null) {
      existing.topics = new LinkedHashSet<>(topics);
    } else {
      subscriptions.put(id, new Subscription(new LinkedHashSet<>(topics), lastId));
    }
  }

  @Override
  public synchronized List<String> topics(String id) {
    return List.copyOf(subscription(id).topics);
  }

  @Override
  public Batch claim(String id, int limit) {
    Subscription sub;
    synchronized (this) {
      sub = subscription(id);
    }
    if (!sub.claim.tryLock()) {
      return null;
    }
    List<StoredEvent> batch = new ArrayList<>();
    synchronized (this) {
      for (Entry e : events) {
        if (batch.size() >= limit) {
          break;
        }
        if (e.stored().id() > sub.readUntil && sub.topics.contains(e.stored().event().topic()) && !e.notified().contains(id)) {
          batch.add(e.stored());
        }
      }
      if (batch.isEmpty()) {
        sub.readUntil = lastId;
        trim();
      }
    }
    return new Batch() {
      @Override
      public List<StoredEvent> events() {
        return batch;
      }

      @Override
      public void ack(long eventId) {
        synchronized (MemoryEventBusStore.this) {
          sub.readUntil = Math.max(sub.readUntil, eventId);
        }
      }

      @Override
      public void close() {
        synchronized (MemoryEventBusStore.this) {
          trim();
        }
        sub.claim.unlock();
      }
    };
  }

  /** Events every subscription has passed go. */
  private void trim() {
    long min = subscriptions.values().stream().mapToLong(s -> s.readUntil).min().orElse(lastId);
    while (!events.isEmpty() && events.peekFirst().stored().id() <= min) {
      events.removeFirst();
    }
  }

  /** Events held now (tests: the bound). */
  synchronized int size() {
    return events.size();
  }

  private Subscription subscription(String id) {
    Subscription sub = subscriptions.get(id);
    if (sub == null) {
      throw new NotFoundError("Subscription with ID '" + id + "' not found");
    }
    return sub;
  }

  @Override
  public Wakeups wakeups() {
    return wakeups;
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public void close() {
    wakeups.wakeAll();
  }
}
