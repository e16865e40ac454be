package dev.greenroom.events;

/**
 * Handles one event of a subscription: Backstage's {@code EventsServiceEventHandler}. Returning
 * normally acknowledges the event; throwing makes the service deliver it again later (at least
 * once, see docs/events.md), and no later event of the subscription is delivered before it.
 */
@FunctionalInterface
public interface EventsServiceEventHandler {
  void onEvent(EventParams event) throws Exception;
}
