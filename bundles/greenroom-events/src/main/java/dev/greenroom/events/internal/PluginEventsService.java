package dev.greenroom.events.internal;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.ServiceUnavailableError;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.events.EventParams;
import dev.greenroom.events.EventsService;
import dev.greenroom.events.EventsServiceSubscribeOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plugin's {@code events.service}: upstream's PluginEventsService (plugins/events-node/src/api/
 * DefaultEventsService.ts). Subscriber ids are prefixed with the plugin id ({@code
 * <pluginId>.<id>}); each subscription reads on a thread of its own; the plugin's shutdown stops
 * them after the event in hand, and later publishes fail ({@code Service is shutting down}).
 */
public final class PluginEventsService implements EventsService {
  /** How long shutdown waits for a handler in progress. */
  static final long STOP_WAIT_MILLIS = 10_000;

  private final String pluginId;
  private final EventsHub hub;
  private final LoggerService logger;
  private final List<SubscriptionReader> readers = new CopyOnWriteArrayList<>();
  private volatile boolean shuttingDown;

  public PluginEventsService(String pluginId, EventsHub hub, LoggerService logger) {
    this.pluginId = pluginId;
    this.hub = hub;
    this.logger = logger;
  }

  @Override
  public void publish(EventParams params) {
    if (params == null) {
      throw new InputError("Cannot publish an event of plugin '" + pluginId + "': the event (EventParams) is missing");
    }
    if (params.topic() == null || params.topic().isBlank()) {
      throw new InputError("Cannot publish an event of plugin '" + pluginId + "': the topic is missing or blank");
    }
    if (shuttingDown) {
      throw new ServiceUnavailableError("Service is shutting down");
    }
    logger.debug("Event received: topic=" + params.topic());
    hub.current().publish(params, createdBy(), Set.of());
  }

  @Override
  public void subscribe(EventsServiceSubscribeOptions options) {
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
    if (shuttingDown) {
      throw new ServiceUnavailableError("Service is shutting down");
    }
    SubscriptionReader reader = new SubscriptionReader(hub, pluginId + "." + options.id(),
        List.copyOf(options.topics()), options.onEvent(), logger, createdBy(), hub.timing());
    reader.subscribeNow();
    readers.add(reader);
    reader.start();
  }

  private String createdBy() {
    return "service=plugin:" + pluginId;
  }

  /** The plugin stops: no new publishes, readers finish the event in hand. */
  public void shutdown() {
    shuttingDown = true;
    for (SubscriptionReader r : readers) {
      r.stop(STOP_WAIT_MILLIS);
    }
    readers.clear();
  }
}
