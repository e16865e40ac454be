package dev.greenroom.database.internal;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import java.util.function.Consumer;

/**
 * Builds the {@code core.database} service factory: the root context is a {@link DatabaseManager}
 * over {@code backend.database}; each plugin gets its own database, closed by the plugin's
 * shutdown hook and, at the latest, on root shutdown.
 */
public final class DatabaseServiceFactory {
  private DatabaseServiceFactory() {}

  public static ServiceFactory<DatabaseService> create() {
    return create(manager -> {}, Backoff.DEFAULT);
  }

  /** @param onManager receives each manager created (one per backend), e.g. to publish its status */
  public static ServiceFactory<DatabaseService> create(Consumer<DatabaseManager> onManager) {
    return create(onManager, Backoff.DEFAULT);
  }

  static ServiceFactory<DatabaseService> create(Consumer<DatabaseManager> onManager, Backoff backoff) {
    return ServiceFactory.of(CoreServices.DATABASE)
        .deps(CoreServices.ROOT_CONFIG, CoreServices.ROOT_LIFECYCLE, CoreServices.PLUGIN_METADATA, CoreServices.LIFECYCLE)
        .createRootContext(rootDeps -> {
          DatabaseManager manager = new DatabaseManager(rootDeps.get(CoreServices.ROOT_CONFIG), backoff);
          RootLifecycleService rootLifecycle = rootDeps.get(CoreServices.ROOT_LIFECYCLE);
          rootLifecycle.addShutdownHook(manager::close);
          onManager.accept(manager);
          return manager;
        })
        .factoryWithContext((deps, context) -> {
          DatabaseManager manager = (DatabaseManager) context;
          String pluginId = deps.get(CoreServices.PLUGIN_METADATA).getId();
          PluginDatabase db = manager.pluginDatabase(pluginId);
          LifecycleService lifecycle = deps.get(CoreServices.LIFECYCLE);
          lifecycle.addShutdownHook(db::close);
          return db;
        });
  }
}
