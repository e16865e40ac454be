package dev.greenroom.events;

import java.util.Map;

/**
 * An event: Backstage's {@code EventParams} (plugins/events-node/src/api/EventParams.ts). The
 * payload is a JSON value (a map, list, string, number, boolean or null) when the event crosses
 * the bus: the bus stores it as JSON and a subscriber on another instance receives it parsed.
 *
 * @param topic the topic the event is published on; not blank
 * @param eventPayload the payload
 * @param metadata optional metadata (e.g. HTTP headers of an event received from outside); never
 *     null here, an empty map when none
 */
public record EventParams(String topic, Object eventPayload, Map<String, Object> metadata) {
  public EventParams {
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }

  /** An event without metadata. */
  public EventParams(String topic, Object eventPayload) {
    this(topic, eventPayload, null);
  }
}
