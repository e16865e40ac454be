package dev.greenroom.events;

import dev.greenroom.backend.api.ServiceRef;

/**
 * The ref of the events service: Backstage's {@code eventsServiceRef}
 * (plugins/events-node/src/service.ts), id {@code events.service}, plugin-scoped. Implemented by
 * the greenroom-events bundle; {@code TestBackend} runs a mock by default.
 */
public final class EventsServiceRefs {
  private EventsServiceRefs() {}

  /** {@code events.service}: the plugin's {@link EventsService}. */
  public static final ServiceRef<EventsService> EVENTS = ServiceRef.create("events.service", EventsService.class);
}
