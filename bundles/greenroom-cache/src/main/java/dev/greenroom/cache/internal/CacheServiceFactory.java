package dev.greenroom.cache.internal;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import java.util.Map;

/** The {@code core.cache} factory: a {@link CacheManager} per backend, a namespaced client per plugin. */
public final class CacheServiceFactory {
  private CacheServiceFactory() {}

  public static ServiceFactory<CacheService> create() {
    return ServiceFactory.of(CoreServices.CACHE)
        .deps(CoreServices.ROOT_CONFIG, CoreServices.ROOT_LOGGER, CoreServices.ROOT_LIFECYCLE,
            CoreServices.PLUGIN_METADATA)
        .createRootContext(deps -> {
          LoggerService logger = deps.get(CoreServices.ROOT_LOGGER).child(Map.of("service", "cache"));
          CacheManager manager =
              CacheManager.create(CacheSettings.fromConfig(deps.get(CoreServices.ROOT_CONFIG)), logger);
          RootLifecycleService lifecycle = deps.get(CoreServices.ROOT_LIFECYCLE);
          lifecycle.addShutdownHook(manager::close);
          return manager;
        })
        .factoryWithContext((deps, manager) ->
            ((CacheManager) manager).forPlugin(deps.get(CoreServices.PLUGIN_METADATA).getId()));
  }
}
