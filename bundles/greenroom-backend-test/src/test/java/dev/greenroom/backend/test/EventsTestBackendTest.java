package dev.greenroom.backend.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.events.EventParams;
import dev.greenroom.events.EventsService;
import dev.greenroom.events.EventsServiceFactories;
import dev.greenroom.events.EventsServiceRefs;
import dev.greenroom.events.EventsServiceSubscribeOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** events.service in a TestBackend: MockEvents by default, the real service on request. */
@Timeout(60)
class EventsTestBackendTest {
  /** Plugin {@code consumer}: subscribes to {@code todo.created} in its init. */
  static BackendPlugin consumer(BlockingQueue<Object> received) {
    return BackendPlugin.create("consumer", env -> env.registerInit(EventsServiceRefs.EVENTS, events ->
        events.subscribe(new EventsServiceSubscribeOptions("todos", List.of("todo.created"), e -> received.add(e.eventPayload())))));
  }

  static BackendPlugin producer() {
    return BackendPlugin.create("producer", env -> env.registerInit(EventsServiceRefs.EVENTS, events -> {}));
  }

  @Test
  void mockEventsIsTheDefaultAndDeliversAtOnce() {
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    try (TestBackend backend = TestBackend.start(consumer(received), producer())) {
      MockEvents events = (MockEvents) backend.service(EventsServiceRefs.EVENTS, "producer");
      events.publish(new EventParams("todo.created", Map.of("title", "milk")));
      events.publish(new EventParams("todo.deleted", Map.of("title", "milk")));
      assertEquals(List.of(Map.of("title", "milk")), List.copyOf(received), "delivered in the publisher's thread");
      assertEquals(List.of("producer", "producer"), events.published().stream().map(MockEvents.Published::pluginId).toList());
      assertEquals(List.of("consumer.todos"), events.subscriptions().stream().map(MockEvents.Subscription::id).toList());
      assertThrows(InputError.class, () -> events.publish(new EventParams("", 1)));
    }
  }

  @Test
  void aFailingHandlerIsRecordedAndTheOthersStillRun() {
    MockEvents events = MockServices.events();
    events.forPlugin("a").subscribe(new EventsServiceSubscribeOptions("boom", List.of("t"), e -> {
      throw new IllegalStateException("boom");
    }));
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    events.forPlugin("b").subscribe(new EventsServiceSubscribeOptions("ok", List.of("t"), e -> received.add(e.eventPayload())));
    events.publish(new EventParams("t", 1));
    assertEquals(List.of(1), List.copyOf(received));
    assertEquals("a.boom", events.failures().get(0).subscriptionId());
    assertEquals(List.of(1), events.payloads("t"));
  }

  @Test
  void theRealServiceDeliversBetweenPluginsInProcess() throws Exception {
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    TestBackend.Builder b = TestBackend.builder().add(consumer(received)).add(producer());
    EventsServiceFactories.features().forEach(b::add);
    try (TestBackend backend = b.start()) {
      EventsService events = backend.service(EventsServiceRefs.EVENTS, "producer");
      for (int i = 0; i < 5; i++) {
        events.publish(new EventParams("todo.created", i));
      }
      for (int i = 0; i < 5; i++) {
        assertEquals(i, received.poll(20, TimeUnit.SECONDS));
      }
      assertTrue(backend.logs().messages().contains("Database is not PostgreSQL, using memory store"));
      assertTrue(backend.logs().messages().contains("events.service delivers through the memory event bus (events.useEventBus: auto)"));
    }
  }

  @Test
  void theRealServiceOnPostgresDeliversThroughTheBus() throws Exception {
    Assumptions.assumeTrue(TestDatabases.postgresAvailable() || "true".equals(System.getenv("CI")),
        "start PostgreSQL on 127.0.0.1:5432 (user postgres, trust) to run this test");
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    TestBackend.Builder b = TestBackend.builder().add(consumer(received)).add(producer()).postgres();
    for (BackendFeature f : EventsServiceFactories.features()) {
      b.add(f);
    }
    try (TestBackend backend = b.start()) {
      EventsService events = backend.service(EventsServiceRefs.EVENTS, "producer");
      events.publish(new EventParams("todo.created", Map.of("n", 1)));
      assertEquals(Map.of("n", 1), received.poll(20, TimeUnit.SECONDS));
      assertTrue(backend.logs().messages().contains("events.service delivers through the postgresql event bus (events.useEventBus: auto)"),
          backend.logs().messages().toString());
    }
  }
}
