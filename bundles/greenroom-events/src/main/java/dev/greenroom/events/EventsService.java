package dev.greenroom.events;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decoupled, asynchronous communication between plugins and modules: Backstage's {@code
 * EventsService} (plugins/events-node/src/api/EventsService.ts), obtained by ref {@link
 * EventsServiceRefs#EVENTS} ({@code events.service}, plugin-scoped).
 *
 * <p>Delivery: at least once and in publish order per subscription (so per topic), on a thread of
 * the subscription, never the publisher's. In-process by default; across instances on the
 * PostgreSQL bus (docs/events.md).
 */
@ProviderType
public interface EventsService {
  /**
   * Publishes {@code params} on its topic. Returns once the event is handed to the bus (stored, on
   * the PostgreSQL bus), not when subscribers have processed it.
   *
   * @throws dev.greenroom.backend.api.errors.InputError if the topic is missing or blank, or the
   *     payload cannot be written as JSON for the bus
   * @throws dev.greenroom.backend.api.errors.ServiceUnavailableError if the plugin is stopping
   */
  void publish(EventParams params);

  /**
   * Subscribes to one or more topics. Events published from now on reach {@code onEvent}; a
   * subscriber id already known to the bus resumes where it stopped.
   *
   * @throws dev.greenroom.backend.api.errors.InputError if the id is missing or blank, topics are
   *     missing, empty or blank, or the handler is missing
   */
  void subscribe(EventsServiceSubscribeOptions options);
}
