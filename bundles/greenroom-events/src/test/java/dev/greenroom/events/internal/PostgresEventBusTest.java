package dev.greenroom.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.events.EventParams;
import dev.greenroom.events.EventsServiceSubscribeOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL bus with two replicas on one database: each replica is a hub with a store of its
 * own (its own LISTEN connection), as two backends sharing plugin {@code events}' database.
 */
class PostgresEventBusTest {
  private final CapturingLogger logs = new CapturingLogger();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private Postgres postgres;

  @BeforeEach
  void database() {
    postgres = Postgres.create();
  }

  @AfterEach
  void close() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    postgres.close();
  }

  /** One backend: its hub with the bus attached. */
  private EventsHub replica(Window window) {
    EventsHub hub = new EventsHub(EventBusMode.AUTO, EventsServiceTest.FAST, 10_000, logs.logger());
    PostgresEventBusStore store = new PostgresEventBusStore(postgres.dataSource(), logs.logger(), window).start();
    toClose.add(store);
    assertTrue(hub.attach(store), "auto takes a PostgreSQL bus");
    return hub;
  }

  private PluginEventsService service(EventsHub hub, String pluginId) {
    PluginEventsService s = new PluginEventsService(pluginId, hub, logs.logger());
    toClose.add(s::shutdown);
    return s;
  }

  @Test
  void aSubscriberOnReplicaBReceivesWhatAPublishedInOrder() throws Exception {
    EventsHub a = replica(Window.DEFAULT);
    EventsHub b = replica(Window.DEFAULT);
    Received received = new Received();
    service(b, "catalog").subscribe(new EventsServiceSubscribeOptions("github", List.of("github.push"), received));
    PluginEventsService publisher = service(a, "events-github");
    for (int i = 0; i < 30; i++) {
      publisher.publish(new EventParams("github.push", Map.of("n", i), Map.of("x-github-delivery", "d" + i)));
    }
    for (int i = 0; i < 30; i++) {
      EventParams e = received.take();
      assertEquals("github.push", e.topic());
      assertEquals(Map.of("n", i), e.eventPayload(), "in publish order");
      assertEquals(Map.of("x-github-delivery", "d" + i), e.metadata());
    }
  }

  @Test
  void aRestartedSubscriberResumesAtItsCursor() throws Exception {
    EventsHub a = replica(Window.DEFAULT);
    EventsHub b = replica(Window.DEFAULT);
    PluginEventsService publisher = service(a, "a");
    Received first = new Received();
    PluginEventsService before = new PluginEventsService("b", b, logs.logger());
    before.subscribe(new EventsServiceSubscribeOptions("s", List.of("t"), first));
    publisher.publish(new EventParams("t", 1));
    publisher.publish(new EventParams("t", 2));
    assertEquals(List.of(1, 2), first.payloads(2));
    before.shutdown(); // replica B's plugin stops
    for (int i = 3; i <= 6; i++) {
      publisher.publish(new EventParams("t", i)); // kept for b.s, which is away
    }
    Received after = new Received();
    service(replica(Window.DEFAULT), "b").subscribe(new EventsServiceSubscribeOptions("s", List.of("t"), after));
    assertEquals(List.of(3, 4, 5, 6), after.payloads(4), "resumes after 2, nothing skipped or repeated");
    publisher.publish(new EventParams("t", 7));
    assertEquals(7, after.take().eventPayload());
    assertEquals(List.of(1, 2), first.all().stream().map(EventParams::eventPayload).toList());
  }

  @Test
  void aFailedEventIsDeliveredAgainAcrossTheBus() throws Exception {
    EventsHub a = replica(Window.DEFAULT);
    EventsHub b = replica(Window.DEFAULT);
    Received received = new Received();
    AtomicInteger attempts = new AtomicInteger();
    service(b, "b").subscribe(new EventsServiceSubscribeOptions("s", List.of("t"), e -> {
      if (e.eventPayload().equals(2) && attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("database busy");
      }
      received.onEvent(e);
    }));
    PluginEventsService publisher = service(a, "a");
    for (int i = 1; i <= 3; i++) {
      publisher.publish(new EventParams("t", i));
    }
    assertEquals(List.of(1, 2, 3), received.payloads(3));
    assertEquals(2, attempts.get());
  }

  @Test
  void replicasSharingASubscriberIdSplitTheEventsAndOtherIdsGetThemAll() throws Exception {
    EventsHub a = replica(Window.DEFAULT);
    EventsHub b = replica(Window.DEFAULT);
    Received shared = new Received();
    service(a, "catalog").subscribe(new EventsServiceSubscribeOptions("refresh", List.of("t"), shared));
    service(b, "catalog").subscribe(new EventsServiceSubscribeOptions("refresh", List.of("t"), shared));
    Received search = new Received();
    service(b, "search").subscribe(new EventsServiceSubscribeOptions("refresh", List.of("t"), search));
    PluginEventsService publisher = service(a, "p");
    for (int i = 0; i < 20; i++) {
      publisher.publish(new EventParams("t", i));
    }
    assertEquals(IntStream.range(0, 20).boxed().toList(), shared.payloads(20).stream().map(o -> (Integer) o).sorted().toList());
    assertEquals(IntStream.range(0, 20).boxed().toList(), search.payloads(20));
  }

  @Test
  void eventsOnlyWaitForExistingSubscriptionsAndTheWindowIsBounded() throws Exception {
    PostgresEventBusStore store = new PostgresEventBusStore(postgres.dataSource(), logs.logger(),
        new Window(3, Duration.ZERO, Duration.ofDays(1)));
    toClose.add(store);
    assertTrue(store.publish(new EventParams("t", 0), "service=plugin:a", Set.of()).isEmpty(), "no subscriber: not stored");
    store.upsertSubscription("b.s", List.of("t"), "service=plugin:b");
    for (int i = 1; i <= 5; i++) {
      assertTrue(store.publish(new EventParams("t", i), "service=plugin:a", Set.of()).isPresent());
    }
    assertTrue(store.publish(new EventParams("t", 9), "service=plugin:a", Set.of("b.s")).isEmpty(),
        "every subscriber already notified: not stored (upstream's notifiedSubscribers)");
    int[] deleted = store.cleanup();
    assertEquals(2, deleted[0], "the 3 newest events stay");
    assertEquals(1, deleted[1], "b.s had not read the deleted ones: dropped, as upstream");
    assertEquals(3, count("SELECT count(*) FROM event_bus_events"));
    assertThrows(NotFoundError.class, () -> store.claim("b.s", 10));
    assertTrue(logs.messages().contains("Event cleanup resulted in 2 old events being deleted"));
  }

  @Test
  void aClaimedSubscriptionIsNotHandedToASecondReader() throws Exception {
    PostgresEventBusStore store = new PostgresEventBusStore(postgres.dataSource(), logs.logger(), Window.DEFAULT);
    toClose.add(store);
    store.upsertSubscription("b.s", List.of("t"), "service=plugin:b");
    store.publish(new EventParams("t", "x"), "service=plugin:a", Set.of());
    try (Batch first = store.claim("b.s", 10)) {
      assertEquals(1, first.events().size());
      assertNull(store.claim("b.s", 10), "held by the first reader until it closes its batch");
    } // not acked: read again
    try (Batch again = store.claim("b.s", 10)) {
      assertEquals("x", again.events().get(0).event().eventPayload());
      again.ack(again.events().get(0).id());
    }
    try (Batch done = store.claim("b.s", 10)) {
      assertTrue(done.events().isEmpty());
    }
  }

  /**
   * Plugin events' shutdown closes the store while another plugin's reader holds a claim: the
   * close waits for that batch (the pool must not be closed under it: HikariCP's "marked as broken"
   * warning at every replica shutdown, seen in the mixed-fleet suite), and refuses later claims.
   */
  @Test
  void closingWaitsForTheClaimInFlightAndRefusesNewOnes() throws Exception {
    PostgresEventBusStore store = new PostgresEventBusStore(postgres.dataSource(), logs.logger(), Window.DEFAULT);
    store.upsertSubscription("b.s", List.of("t"), "service=plugin:b");
    store.publish(new EventParams("t", "x"), "service=plugin:a", Set.of());
    Batch held = store.claim("b.s", 10);
    java.util.concurrent.CompletableFuture<Void> closing = java.util.concurrent.CompletableFuture.runAsync(store::close);
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    never.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
    assertTrue(!closing.isDone(), "close waits while a batch is held");
    held.ack(held.events().get(0).id());
    held.close();
    closing.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThrows(StoreGate.StoreClosedException.class, () -> store.claim("b.s", 10));
    assertThrows(StoreGate.StoreClosedException.class, () -> store.publish(new EventParams("t", "y"), "a", Set.of()));
    assertTrue(count("SELECT read_until FROM event_bus_subscriptions WHERE id = 'b.s'") > 0, "the held batch's ack was committed");
  }

  @Test
  void aPayloadThatIsNotJsonIsRefusedNamingTheTopic() {
    EventsHub a = replica(Window.DEFAULT);
    service(a, "b").subscribe(new EventsServiceSubscribeOptions("s", List.of("t"), e -> {}));
    InputError e = assertThrows(InputError.class, () -> service(a, "a").publish(new EventParams("t", new Object())));
    assertTrue(e.getMessage().startsWith("The payload of an event on topic 't' cannot be written as JSON for the event bus"), e.getMessage());
  }

  private long count(String sql) throws Exception {
    try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
