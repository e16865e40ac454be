package dev.greenroom.events.internal;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.events.EventsServiceEventHandler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber's delivery loop, on a thread of its own: claim the next batch of the subscription,
 * hand each event to the handler in order, ack it when the handler returns. A handler that throws
 * stops the batch there; the event is read again after a backoff (at least once), and nothing later
 * of the subscription overtakes it (in order). An idle reader waits for a wake-up from its store.
 *
 * <p>The store is the hub's current one at each turn: when the PostgreSQL bus is attached or
 * detached, the reader first drains what is left for it in the store it used, then subscribes on
 * the new one (where its cursor, if the id is known, is where it stopped).
 */
final class SubscriptionReader implements Runnable {
  private final EventsHub hub;
  private final String id;
  private final List<String> topics;
  private final EventsServiceEventHandler handler;
  private final LoggerService logger;
  private final String createdBy;
  private final Timing timing;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile Thread thread;
  private EventBusStore current;
  private boolean subscribed;

  SubscriptionReader(EventsHub hub, String id, List<String> topics, EventsServiceEventHandler handler,
      LoggerService logger, String createdBy, Timing timing) {
    this.hub = hub;
    this.id = id;
    this.topics = topics;
    this.handler = handler;
    this.logger = logger;
    this.createdBy = createdBy;
    this.timing = timing;
  }

  String id() {
    return id;
  }

  List<String> topics() {
    return topics;
  }

  String createdBy() {
    return createdBy;
  }

  /** Subscribes on the hub's current store now, so events published after subscribe() returns are kept. */
  void subscribeNow() {
    current = hub.current();
    current.upsertSubscription(id, topics, createdBy);
    subscribed = true;
  }

  void start() {
    hub.started(this);
    Thread t = new Thread(this, "greenroom-events-" + id);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void run() {
    long backoff = timing.initialBackoffMillis();
    try {
      while (running) {
        EventBusStore store = hub.current();
        if (current == null || store != current && !hub.isOpen(current)) {
          current = store;
          subscribed = false;
        }
        try (Wakeups.Waiter waiter = current.wakeups().register(Set.copyOf(topics))) {
          EventBusStore reading = current;
          if (!subscribed) {
            reading.upsertSubscription(id, topics, createdBy);
            subscribed = true;
          }
          Batch batch = reading.claim(id, timing.batchSize());
          if (batch == null) { // another reader of this id holds it: wait for its turn
            waiter.await(timing.idlePollMillis());
            continue;
          }
          boolean failed = false;
          boolean empty;
          try (batch) {
            empty = batch.events().isEmpty();
            for (StoredEvent e : batch.events()) {
              if (!running) {
                break;
              }
              try {
                handler.onEvent(e.event());
              } catch (Exception | LinkageError error) {
                logger.warn("Subscriber \"" + id + "\" failed to process event for topic \"" + e.event().topic()
                    + "\"; it is delivered again in " + backoff + "ms", error);
                failed = true;
                break;
              }
              batch.ack(e.id());
            }
          }
          if (failed) {
            pause(backoff);
            backoff = Math.min(backoff * 2, timing.maxBackoffMillis());
            continue;
          }
          backoff = timing.initialBackoffMillis();
          if (empty) {
            if (store != reading) { // drained the store we used: move to the current one
              current = store;
              subscribed = false;
              continue;
            }
            waiter.await(timing.idlePollMillis());
          }
        } catch (NotFoundError gone) {
          // dropped by the bus's cleanup (it fell behind the window): subscribe again at the end
          logger.info("Polling event subscription \"" + id + "\" found none, recreating subscription");
          subscribed = false;
        } catch (InterruptedException e) {
          return;
        } catch (StoreGate.StoreClosedException closed) {
          // plugin events stopped the store under us (it was detached first): the next turn moves
          // to the hub's current store, where the cursor is this id's own
          subscribed = false;
          if (hub.isOpen(current)) { // closed without being detached: don't spin on it
            pause(timing.idlePollMillis());
          }
        } catch (RuntimeException e) {
          if (!running) {
            return;
          }
          logger.warn("Poll failed for subscription \"" + id + "\", retrying in " + backoff + "ms", e);
          subscribed = false;
          pause(backoff);
          backoff = Math.min(backoff * 2, timing.maxBackoffMillis());
        }
      }
    } finally {
      stopped.countDown();
    }
  }

  private void pause(long millis) {
    try {
      stoppedSignal.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private final CountDownLatch stoppedSignal = new CountDownLatch(1);

  /** Stops after the event in hand (waits up to {@code millis} for it). */
  void stop(long millis) {
    running = false;
    hub.stopped(this);
    stoppedSignal.countDown();
    if (current != null) {
      current.wakeups().wakeAll();
    }
    Thread t = thread;
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      if (!stopped.await(millis, TimeUnit.MILLISECONDS)) {
        t.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
