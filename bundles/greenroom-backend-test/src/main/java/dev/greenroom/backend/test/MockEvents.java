package dev.greenroom.backend.test;

import dev.greenroom.events.EventParams;
import dev.greenroom.events.EventsInput;
import dev.greenroom.events.EventsService;
import dev.greenroom.events.EventsServiceEventHandler;
import dev.greenroom.events.EventsServiceSubscribeOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@code events.service} for tests: Backstage's {@code mockServices.events} and the
 * events test utils' {@code TestEventsService}. It records what is published and who subscribed,
 * and hands each published event to the matching subscribers at once, in the publisher's thread,
 * so a test needs no waiting. One bus per {@link TestBackend}: each plugin gets a view of it
 * ({@link #forPlugin}) that prefixes subscriber ids with the plugin id, as the real service does.
 *
 * <pre>{@code
 * MockEvents events = (MockEvents) backend.service(EventsServiceRefs.EVENTS, "example");
 * assertEquals(List.of("example.created"), events.published().stream().map(p -> p.event().topic()).toList());
 * events.publish(new EventParams("catalog.refreshed", Map.of()));   // reaches the plugin's subscribers
 * }</pre>
 *
 * Input is checked with the real service's messages. A handler that throws does not stop the
 * others; its failure is kept ({@link #failures()}) where the real service would deliver the event
 * again later. Ordering, redelivery and the PostgreSQL bus are greenroom-events' own tests.
 */
public final class MockEvents implements EventsService {
  /** An event and the plugin that published it. */
  public record Published(String pluginId, EventParams event) {}

  /** A subscription: {@code id} is prefixed ({@code <pluginId>.<id>}). */
  public record Subscription(String pluginId, String id, List<String> topics, EventsServiceEventHandler onEvent) {}

  /** A handler that threw, with the event it got. */
  public record Failure(String subscriptionId, EventParams event, Throwable error) {}

  private static final class Bus {
    final List<Published> published = new CopyOnWriteArrayList<>();
    final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    final List<Failure> failures = new CopyOnWriteArrayList<>();
  }

  private final Bus bus;
  private final String pluginId;

  private MockEvents(Bus bus, String pluginId) {
    this.bus = bus;
    this.pluginId = pluginId;
  }

  /** A new bus, seen from plugin {@code test}. */
  public static MockEvents create() {
    return new MockEvents(new Bus(), "test");
  }

  /** The same bus seen from {@code pluginId}. */
  public MockEvents forPlugin(String pluginId) {
    return new MockEvents(bus, pluginId);
  }

  @Override
  public void publish(EventParams params) {
    EventsInput.checkPublish(pluginId, params);
    bus.published.add(new Published(pluginId, params));
    for (Subscription s : bus.subscriptions) {
      if (s.topics().contains(params.topic())) {
        try {
          s.onEvent().onEvent(params);
        } catch (Exception | LinkageError e) {
          bus.failures.add(new Failure(s.id(), params, e));
        }
      }
    }
  }

  @Override
  public void subscribe(EventsServiceSubscribeOptions options) {
    EventsInput.checkSubscribe(pluginId, options);
    bus.subscriptions.add(new Subscription(pluginId, pluginId + "." + options.id(), options.topics(), options.onEvent()));
  }

  /** Every event published on this bus, by any plugin, in order. */
  public List<Published> published() {
    return List.copyOf(bus.published);
  }

  /** The payloads published on {@code topic}, in order. */
  public List<Object> payloads(String topic) {
    return bus.published.stream().filter(p -> p.event().topic().equals(topic)).map(p -> p.event().eventPayload()).toList();
  }

  /** Every subscription on this bus. */
  public List<Subscription> subscriptions() {
    return List.copyOf(bus.subscriptions);
  }

  /** Handlers that threw. */
  public List<Failure> failures() {
    return List.copyOf(bus.failures);
  }

  /** Forgets what was published and what failed (subscriptions stay). */
  public void reset() {
    bus.published.clear();
    bus.failures.clear();
  }
}
