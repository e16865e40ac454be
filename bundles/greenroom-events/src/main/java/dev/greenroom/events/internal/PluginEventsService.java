package dev.greenroom.events.internal;

import dev.greenroom.backend.api.errors.ServiceUnavailableError;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.events.EventParams;
import dev.greenroom.events.EventsInput;
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
    EventsInput.checkPublish(pluginId, params);
    if (shuttingDown) {
      throw new ServiceUnavailableError("Service is shutting down");
    }
    logger.debug("Event received: topic=" + params.topic());
    hub.current().publish(params, createdBy(), Set.of());
  }

  @Override
  public void subscribe(EventsServiceSubscribeOptions options) {
    EventsInput.checkSubscribe(pluginId, options);
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
