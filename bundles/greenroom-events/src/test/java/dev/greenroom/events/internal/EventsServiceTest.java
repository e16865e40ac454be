package dev.greenroom.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.ServiceUnavailableError;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.events.EventParams;
import dev.greenroom.events.EventsServiceSubscribeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** events.service in-process (no bus attached): the delivery rules every mode keeps. */
class EventsServiceTest {
  static final Timing FAST = new Timing(20, 200, 500, 10);

  private final CapturingLogger logs = new CapturingLogger();
  private final EventsHub hub = new EventsHub(EventBusMode.AUTO, FAST, 10_000, logs.logger());
  private final List<PluginEventsService> services = new ArrayList<>();

  private PluginEventsService service(String pluginId) {
    PluginEventsService s = new PluginEventsService(pluginId, hub, logs.logger());
    services.add(s);
    return s;
  }

  @AfterEach
  void stop() {
    services.forEach(PluginEventsService::shutdown);
  }

  @Test
  void deliversInPublishOrderToAnotherPlugin() throws Exception {
    Received received = new Received();
    service("b").subscribe(new EventsServiceSubscribeOptions("orders", List.of("topic-a"), received));
    PluginEventsService a = service("a");
    for (int i = 0; i < 50; i++) {
      a.publish(new EventParams("topic-a", i));
    }
    assertEquals(IntStream.range(0, 50).boxed().toList(), received.payloads(50));
  }

  @Test
  void redeliversAnEventWhoseHandlerFailedBeforeAnyLaterOne() throws Exception {
    Received received = new Received();
    AtomicInteger failures = new AtomicInteger();
    service("b").subscribe(new EventsServiceSubscribeOptions("flaky", List.of("t"), e -> {
      if ("two".equals(e.eventPayload()) && failures.getAndIncrement() < 2) {
        throw new IllegalStateException("not now");
      }
      received.onEvent(e);
    }));
    PluginEventsService a = service("a");
    a.publish(new EventParams("t", "one"));
    a.publish(new EventParams("t", "two"));
    a.publish(new EventParams("t", "three"));
    assertEquals(List.of("one", "two", "three"), received.payloads(3));
    assertEquals(3, failures.get(), "failed twice, then delivered once more and acknowledged");
    assertTrue(logs.messages().contains("Subscriber \"b.flaky\" failed to process event for topic \"t\"; it is delivered again in 20ms"),
        logs.messages().toString());
  }

  @Test
  void topicsNotSubscribedAreNotDelivered() throws Exception {
    Received received = new Received();
    service("b").subscribe(new EventsServiceSubscribeOptions("one-topic", List.of("wanted"), received));
    PluginEventsService a = service("a");
    a.publish(new EventParams("other", "no"));
    a.publish(new EventParams("wanted", "yes"));
    assertEquals("yes", received.take().eventPayload());
    a.publish(new EventParams("wanted", "again"));
    assertEquals("again", received.take().eventPayload());
    assertEquals(List.of("yes", "again"), received.all().stream().map(EventParams::eventPayload).toList());
  }

  @Test
  void metadataAndTopicReachTheSubscriber() throws Exception {
    Received received = new Received();
    service("b").subscribe(new EventsServiceSubscribeOptions("meta", List.of("x", "y"), received));
    service("a").publish(new EventParams("y", Map.of("k", 1), Map.of("x-github-event", "push")));
    EventParams e = received.take();
    assertEquals("y", e.topic());
    assertEquals(Map.of("k", 1), e.eventPayload());
    assertEquals(Map.of("x-github-event", "push"), e.metadata());
  }

  @Test
  void subscribersWithTheSameIdShareTheEvents() throws Exception {
    Received shared = new Received();
    PluginEventsService b = service("b");
    b.subscribe(new EventsServiceSubscribeOptions("workers", List.of("jobs"), shared));
    b.subscribe(new EventsServiceSubscribeOptions("workers", List.of("jobs"), shared));
    Received other = new Received();
    service("c").subscribe(new EventsServiceSubscribeOptions("workers", List.of("jobs"), other));
    for (int i = 0; i < 20; i++) {
      service("a").publish(new EventParams("jobs", i));
    }
    List<Object> sharedPayloads = shared.payloads(20);
    assertEquals(IntStream.range(0, 20).boxed().toList(), sharedPayloads.stream().sorted().toList(),
        "each event once between the two subscribers of b.workers");
    assertEquals(IntStream.range(0, 20).boxed().toList(), other.payloads(20), "c.workers is another subscription");
  }

  @Test
  void badInputIsRefusedNamingWhatIsWrong() {
    PluginEventsService a = service("a");
    InputError blankTopic = assertThrows(InputError.class, () -> a.publish(new EventParams(" ", "x")));
    assertEquals("Cannot publish an event of plugin 'a': the topic is missing or blank", blankTopic.getMessage());
    assertThrows(InputError.class, () -> a.publish(new EventParams(null, "x")));
    InputError noId = assertThrows(InputError.class,
        () -> a.subscribe(new EventsServiceSubscribeOptions(null, List.of("t"), e -> {})));
    assertEquals("Cannot subscribe in plugin 'a': the subscriber id is missing or blank", noId.getMessage());
    InputError noTopics = assertThrows(InputError.class,
        () -> a.subscribe(new EventsServiceSubscribeOptions("s", List.of(), e -> {})));
    assertEquals("Cannot subscribe in plugin 'a': subscriber 's' names no topics", noTopics.getMessage());
    InputError blank = assertThrows(InputError.class,
        () -> a.subscribe(new EventsServiceSubscribeOptions("s", List.of("t", ""), e -> {})));
    assertEquals("Cannot subscribe in plugin 'a': subscriber 's' names a missing or blank topic", blank.getMessage());
    InputError noHandler = assertThrows(InputError.class,
        () -> a.subscribe(new EventsServiceSubscribeOptions("s", List.of("t"), null)));
    assertEquals("Cannot subscribe in plugin 'a': subscriber 's' has no onEvent handler", noHandler.getMessage());
  }

  @Test
  void aStoppedPluginsServiceRefusesToPublish() {
    PluginEventsService a = service("a");
    a.shutdown();
    ServiceUnavailableError e = assertThrows(ServiceUnavailableError.class, () -> a.publish(new EventParams("t", 1)));
    assertEquals("Service is shutting down", e.getMessage());
  }

  @Test
  void theModeIsReadAsUpstreamReadsIt() {
    assertEquals(EventBusMode.AUTO, EventBusMode.from(null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventBusMode.from(config("sometimes")));
    assertEquals("Invalid events.useEventBus config, must be one of never, always, auto, got 'sometimes'", e.getMessage());
    assertEquals(EventBusMode.NEVER, EventBusMode.from(config("never")));
  }

  @Test
  void neverKeepsDeliveryInProcessWhilePluginEventsRuns() {
    EventsHub never = new EventsHub(EventBusMode.NEVER, FAST, 10, logs.logger());
    MemoryEventBusStore pluginEventsStore = new MemoryEventBusStore(10);
    assertEquals(false, never.attach(pluginEventsStore));
    assertTrue(never.current() == never.local());
    EventsHub auto = new EventsHub(EventBusMode.AUTO, FAST, 10, logs.logger());
    assertTrue(auto.attach(pluginEventsStore));
    assertTrue(auto.current() == pluginEventsStore);
    auto.detach(pluginEventsStore);
    assertTrue(auto.current() == auto.local(), "plugin events stopped: back to in-process");
  }

  @Test
  void subscriptionsMadeBeforePluginEventsStartedMoveToItsStoreWithNothingLost() throws Exception {
    Received received = new Received();
    service("b").subscribe(new EventsServiceSubscribeOptions("early", List.of("t"), received));
    PluginEventsService a = service("a");
    a.publish(new EventParams("t", "before"));
    MemoryEventBusStore pluginEvents = new MemoryEventBusStore(100);
    assertTrue(hub.attach(pluginEvents));
    a.publish(new EventParams("t", "after")); // at once: the subscription already exists there
    assertEquals(List.of("before", "after"), received.payloads(2));
    assertEquals(List.of("t"), pluginEvents.topics("b.early"));
  }

  private static MapConfig config(String mode) {
    return new MapConfig(Map.of("events", Map.of("useEventBus", mode)), "test");
  }

  @Test
  void theInProcessStoreKeepsOnlyWhatSomeSubscriberStillNeeds() throws Exception {
    EventsHub small = new EventsHub(EventBusMode.AUTO, FAST, 5, logs.logger());
    PluginEventsService a = new PluginEventsService("a", small, logs.logger());
    services.add(a);
    a.publish(new EventParams("t", "nobody listens"));
    assertEquals(0, small.local().size(), "no subscriber: not stored, as upstream");
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    a.subscribe(new EventsServiceSubscribeOptions("stuck", List.of("t"), e -> never.await()));
    for (int i = 0; i < 20; i++) {
      a.publish(new EventParams("t", i));
    }
    assertEquals(5, small.local().size(), "a subscriber that never finishes holds at most maxCount events");
    never.countDown();
  }
}
