package dev.greenroom.events;

import java.util.List;

/**
 * Backstage's {@code EventsServiceSubscribeOptions}.
 *
 * @param id the subscriber id, scoped to the calling plugin (the service prefixes it with {@code
 *     <pluginId>.}); subscribers with the same id share the events between them (each event goes
 *     to one of them), and the id names the subscription's durable cursor on the bus
 * @param topics the topics to receive; at least one, none blank
 * @param onEvent the handler
 */
public record EventsServiceSubscribeOptions(String id, List<String> topics, EventsServiceEventHandler onEvent) {
  public EventsServiceSubscribeOptions {
    topics = topics == null ? null : List.copyOf(topics);
  }
}
