package dev.greenroom.backend.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Plugin events' /bus/v1 routes (upstream's createEventBusRouter) in a TestBackend, as a Backstage
 * backend's events client calls them: shapes, status codes, service-only auth. They live in
 * greenroom-events; tested here, where a TestBackend runs them on real HTTP.
 */
@Timeout(60)
class EventBusRoutesTest {
  private static TestBackend start() {
    TestBackend.Builder b = TestBackend.builder()
        .config(Map.of("events", Map.of("notifyTimeoutMs", 300)))
        .add(EventsConsumers.producer());
    EventsServiceFactories.features().forEach(b::add);
    return b.start();
  }

  @Test
  void aRemoteSubscriberSubscribesReadsAndLongPolls() {
    try (TestBackend backend = start()) {
      var service = MockCredentials.service("plugin:catalog");
      TestResponse put = backend.http().put("/api/events/bus/v1/subscriptions/catalog.refresher")
          .credentials(service).json(Map.of("topics", List.of("github.push"))).send();
      assertEquals(201, put.status(), put.body());

      TestResponse empty = backend.http().get("/api/events/bus/v1/subscriptions/catalog.refresher/events").credentials(service).send();
      assertEquals(202, empty.status(), "nothing yet: an empty answer once notified or timed out");
      assertEquals("300", empty.header("backstage-events-notify-timeout").orElse(null));
      assertEquals("", empty.body());

      EventsService local = backend.service(EventsServiceRefs.EVENTS, "producer");
      local.publish(new EventParams("github.push", Map.of("repo", "acme/web")));
      local.publish(new EventParams("other", Map.of()));
      TestResponse posted = backend.http().post("/api/events/bus/v1/events").credentials(service)
          .json(Map.of("event", Map.of("topic", "github.push", "payload", Map.of("repo", "acme/api")))).send();
      assertEquals(201, posted.status(), posted.body());

      TestResponse read = backend.http().get("/api/events/bus/v1/subscriptions/catalog.refresher/events").credentials(service).send();
      assertEquals(200, read.status(), read.body());
      assertEquals(Map.of("events", List.of(
          Map.of("topic", "github.push", "payload", Map.of("repo", "acme/web")),
          Map.of("topic", "github.push", "payload", Map.of("repo", "acme/api")))), read.jsonMap());
      assertEquals(202, backend.http().get("/api/events/bus/v1/subscriptions/catalog.refresher/events")
          .credentials(service).send().status(), "read: the cursor moved past them");
    }
  }

  @Test
  void statusCodesAndAuthAreUpstreams() {
    try (TestBackend backend = start()) {
      var service = MockCredentials.service("plugin:catalog");
      var event = Map.of("event", Map.of("topic", "nobody", "payload", Map.of()));
      assertEquals(204, backend.http().post("/api/events/bus/v1/events").credentials(service).json(event).send().status(),
          "no subscription for the topic: not stored");
      backend.http().put("/api/events/bus/v1/subscriptions/a.s").credentials(service).json(Map.of("topics", List.of("t"))).send();
      assertEquals(204, backend.http().post("/api/events/bus/v1/events").credentials(service)
          .json(Map.of("event", Map.of("topic", "t", "payload", 1), "notifiedSubscribers", List.of("a.s"))).send().status(),
          "every subscriber already notified");
      TestResponse unknown = backend.http().get("/api/events/bus/v1/subscriptions/nope/events").credentials(service).send();
      assertEquals(404, unknown.status());
      assertEquals("Subscription with ID 'nope' not found", ((Map<?, ?>) unknown.jsonMap().get("error")).get("message"));
      TestResponse bad = backend.http().post("/api/events/bus/v1/events").credentials(service).json(Map.of("event", Map.of())).send();
      assertEquals(400, bad.status());
      assertEquals("Invalid request body: event.topic and event.payload are required",
          ((Map<?, ?>) bad.jsonMap().get("error")).get("message"));
      assertEquals(403, backend.http().post("/api/events/bus/v1/events").credentials(MockCredentials.user()).json(event).send().status(),
          "users may not use the bus");
      assertEquals(401, backend.http().post("/api/events/bus/v1/events").credentials(MockCredentials.none()).json(event).send().status());
    }
  }

  @Test
  void whatARemoteBackendPublishesReachesALocalSubscriber() throws Exception {
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    TestBackend.Builder b = TestBackend.builder().add(EventsConsumers.consumer(received));
    EventsServiceFactories.features().forEach(b::add);
    b.config(Map.of("events", Map.of("useEventBus", "always")));
    try (TestBackend backend = b.start()) {
      TestResponse posted = backend.http().post("/api/events/bus/v1/events").credentials(MockCredentials.service("plugin:catalog"))
          .json(Map.of("event", Map.of("topic", "todo.created", "payload", Map.of("title", "milk")))).send();
      assertEquals(201, posted.status(), posted.body());
      assertEquals(Map.of("title", "milk"), received.poll(20, TimeUnit.SECONDS));
      assertTrue(backend.logs().messages().contains("events.service delivers through the memory event bus (events.useEventBus: always)"));
    }
  }

  /** Test plugins. */
  static final class EventsConsumers {
    static dev.greenroom.backend.api.BackendPlugin producer() {
      return EventsTestBackendTest.producer();
    }

    static dev.greenroom.backend.api.BackendPlugin consumer(BlockingQueue<Object> received) {
      return dev.greenroom.backend.api.BackendPlugin.create("consumer", env -> env.registerInit(EventsServiceRefs.EVENTS, events ->
          events.subscribe(new EventsServiceSubscribeOptions("todos", List.of("todo.created"), e -> received.add(e.eventPayload())))));
    }
  }
}
