package dev.greenroom.events.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Wakes waiting readers when an event is published on one of their topics: in-process directly,
 * and from PostgreSQL's NOTIFY for events other instances published. A reader registers before it
 * reads, so an event published between its read and its wait still wakes it.
 */
public final class Wakeups {
  /** One reader's registration. */
  public final class Waiter implements AutoCloseable {
    private final Set<String> topics;
    private final CountDownLatch latch = new CountDownLatch(1);

    private Waiter(Set<String> topics) {
      this.topics = topics;
    }

    /** Waits until woken or {@code millis} passed; true when woken. */
    public boolean await(long millis) throws InterruptedException {
      return latch.await(millis, TimeUnit.MILLISECONDS);
    }

    void wake() {
      latch.countDown();
    }

    @Override
    public void close() {
      waiters.remove(this);
    }
  }

  private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

  public Waiter register(Set<String> topics) {
    Waiter w = new Waiter(Set.copyOf(topics));
    waiters.add(w);
    return w;
  }

  /** An event was published on {@code topic}. */
  public void publish(String topic) {
    for (Waiter w : waiters) {
      if (w.topics.contains(topic)) {
        w.wake();
      }
    }
  }

  /** Wakes everyone (the store closes, or its notification channel failed). */
  public void wakeAll() {
    waiters.forEach(Waiter::wake);
  }
}
