package dev.greenroom.events;

import dev.greenroom.backend.api.errors.InputError;

/**
 * The input rules of {@link EventsService}, with their messages, for every implementation (the
 * service and test doubles alike), so a plugin's test sees the errors production gives.
 */
public final class EventsInput {
  private EventsInput() {}

  /**
   * Checks an event plugin {@code pluginId} publishes.
   *
   * @throws InputError {@code Cannot publish an event of plugin '<id>': the topic is missing or blank}, ...
   */
  public static void checkPublish(String pluginId, EventParams params) {
    if (params == null) {
      throw new InputError("Cannot publish an event of plugin '" + pluginId + "': the event (EventParams) is missing");
    }
    if (params.topic() == null || params.topic().isBlank()) {
      throw new InputError("Cannot publish an event of plugin '" + pluginId + "': the topic is missing or blank");
    }
  }

  /**
   * Checks a subscription of plugin {@code pluginId}.
   *
   * @throws InputError {@code Cannot subscribe in plugin '<id>': the subscriber id is missing or blank}, ...
   */
  public static void checkSubscribe(String pluginId, EventsServiceSubscribeOptions options) {
    String prefix = "Cannot subscribe in plugin '" + pluginId + "': ";
    if (options == null) {
      throw new InputError(prefix + "the subscribe options are missing");
    }
    if (options.id() == null || options.id().isBlank()) {
      throw new InputError(prefix + "the subscriber id is missing or blank");
    }
    if (options.topics() == null || options.topics().isEmpty()) {
      throw new InputError(prefix + "subscriber '" + options.id() + "' names no topics");
    }
    for (String topic : options.topics()) {
      if (topic == null || topic.isBlank()) {
        throw new InputError(prefix + "subscriber '" + options.id() + "' names a missing or blank topic");
      }
    }
    if (options.onEvent() == null) {
      throw new InputError(prefix + "subscriber '" + options.id() + "' has no onEvent handler");
    }
  }
}
