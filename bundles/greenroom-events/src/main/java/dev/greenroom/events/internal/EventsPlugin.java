package dev.greenroom.events.internal;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.database.migrations.Migrations;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plugin {@code events}: upstream's events backend (plugins/events-backend/src/service/
 * EventsPlugin.ts) as far as the bus goes. On PostgreSQL it migrates its tables, runs the bus
 * ({@link PostgresEventBusStore}, cleanup every minute) and offers it to the hub; on any other
 * database it keeps a memory store, as upstream. It serves upstream's {@code /bus/v1} routes on its
 * store ({@link BusRoutes}), so Backstage backends whose discovery points plugin {@code events}
 * here publish and subscribe through the same bus.
 *
 * <p>Not annotated {@code @GreenroomPlugin}: its bundle also exports the events API every plugin
 * imports, and a bundle declaring a plugin may not be wired to by other plugins (PluginWiringHook).
 */
public final class EventsPlugin extends BackendPlugin {
  public static final String PLUGIN_ID = "events";
  static final String NOTIFY_TIMEOUT = "events.notifyTimeoutMs";
  /** Upstream's DEFAULT_NOTIFY_TIMEOUT_MS: just below 60 s, a common HTTP timeout. */
  static final long DEFAULT_NOTIFY_TIMEOUT_MS = 55_000;

  private final EventsHub hub;

  public EventsPlugin(EventsHub hub) {
    super(PLUGIN_ID);
    this.hub = hub;
  }

  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(Deps.of(CoreServices.ROOT_CONFIG, CoreServices.LOGGER, CoreServices.DATABASE,
        CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH, CoreServices.LIFECYCLE), deps -> {
          RootConfigService config = deps.get(CoreServices.ROOT_CONFIG);
          LoggerService logger = deps.get(CoreServices.LOGGER).child(Map.of("type", "EventBus"));
          hub.mode(EventBusMode.from(config));
          long notifyTimeoutMs = config.getOptionalNumber(NOTIFY_TIMEOUT).map(Double::longValue).orElse(DEFAULT_NOTIFY_TIMEOUT_MS);
          if (notifyTimeoutMs < 1) {
            throw new IllegalArgumentException("Invalid config value at '" + NOTIFY_TIMEOUT + "': " + notifyTimeoutMs
                + " is not a positive number of milliseconds");
          }
          EventBusStore store;
          ScheduledExecutorService cleanup = null;
          if (isPostgres(config)) {
            DatabaseService database = deps.get(CoreServices.DATABASE);
            Migrations.run(database, EventsPlugin.class.getClassLoader(), "db/migration/events", null);
            PostgresEventBusStore pg = new PostgresEventBusStore(database.getClient(), logger, Window.DEFAULT).start();
            cleanup = Executors.newSingleThreadScheduledExecutor(r -> {
              Thread t = new Thread(r, "greenroom-events-cleanup");
              t.setDaemon(true);
              return t;
            });
            cleanup.scheduleWithFixedDelay(pg::cleanup, 10, 60, TimeUnit.SECONDS);
            logger.info("Database is PostgreSQL, using database store");
            store = pg;
          } else {
            logger.info("Database is not PostgreSQL, using memory store");
            store = new MemoryEventBusStore(Window.DEFAULT.maxCount());
          }
          boolean used = hub.attach(store);
          logger.info(used
              ? "events.service delivers through the " + store.kind() + " event bus (events.useEventBus: " + mode() + ")"
              : "events.service delivers in-process (events.useEventBus: " + mode() + ")");
          deps.get(CoreServices.HTTP_ROUTER).use(BusRoutes.servlet(store, deps.get(CoreServices.HTTP_AUTH), logger, notifyTimeoutMs));
          ScheduledExecutorService cleanupRef = cleanup;
          deps.get(CoreServices.LIFECYCLE).addShutdownHook(() -> {
            hub.detach(store);
            if (cleanupRef != null) {
              cleanupRef.shutdownNow();
            }
            store.close();
          });
        });
  }

  private String mode() {
    return hub.mode().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether plugin {@code events}' database is PostgreSQL, from config (as greenroom-database
   * chooses it: {@code backend.database.plugin.events.client}, else {@code
   * backend.database.client}), so an H2 backend never creates a database it does not use.
   */
  static boolean isPostgres(RootConfigService config) {
    String client = config.getOptionalString("backend.database.plugin." + PLUGIN_ID + ".client")
        .or(() -> config.getOptionalString("backend.database.client"))
        .orElse("").toLowerCase(java.util.Locale.ROOT);
    return client.equals("pg") || client.equals("postgres") || client.equals("postgresql");
  }
}
