package dev.greenroom.events;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.events.internal.EventBusMode;
import dev.greenroom.events.internal.EventsHub;
import dev.greenroom.events.internal.EventsPlugin;
import dev.greenroom.events.internal.PluginEventsService;
import java.util.List;
import java.util.Map;

/**
 * The events features, plain Java: the same ones the OSGi bundle registers. {@link #features()}
 * gives the {@code events.service} factory and plugin {@code events} (the PostgreSQL bus and
 * upstream's {@code /bus/v1} routes) sharing one hub; add both to a backend:
 *
 * <pre>{@code
 * TestBackend.builder().add(myPlugin).addAll(EventsServiceFactories.features()).start();
 * }</pre>
 *
 * See docs/events.md.
 */
public final class EventsServiceFactories {
  private EventsServiceFactories() {}

  /** The {@code events.service} factory and plugin {@code events}, sharing one hub. */
  public static List<BackendFeature> features() {
    EventsHub hub = new EventsHub(EventBusMode.AUTO, null);
    return List.of(events(hub), new EventsPlugin(hub));
  }

  /** {@code events.service} alone: in-process delivery only (no plugin {@code events}, no bus). */
  public static ServiceFactory<EventsService> events() {
    return events(new EventsHub(EventBusMode.AUTO, null));
  }

  private static ServiceFactory<EventsService> events(EventsHub hub) {
    return ServiceFactory.of(EventsServiceRefs.EVENTS)
        .deps(CoreServices.ROOT_CONFIG, CoreServices.ROOT_LOGGER, CoreServices.PLUGIN_METADATA, CoreServices.LOGGER,
            CoreServices.LIFECYCLE)
        .createRootContext(root -> {
          hub.mode(EventBusMode.from(root.get(CoreServices.ROOT_CONFIG)));
          hub.logger(root.get(CoreServices.ROOT_LOGGER).child(Map.of("service", "events")));
          return hub;
        })
        .factoryWithContext((deps, context) -> {
          PluginEventsService service = new PluginEventsService(
              deps.get(CoreServices.PLUGIN_METADATA).getId(), (EventsHub) context, deps.get(CoreServices.LOGGER));
          deps.get(CoreServices.LIFECYCLE).addShutdownHook(service::shutdown);
          return service;
        });
  }
}
