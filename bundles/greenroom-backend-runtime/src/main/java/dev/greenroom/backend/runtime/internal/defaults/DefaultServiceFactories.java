package dev.greenroom.backend.runtime.internal.defaults;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootLoggerService;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The minimal default services a backend runs on: rootConfig, rootLogger, a plugin-tagged logger,
 * rootLifecycle and lifecycle. Other core services come from their own bundles — configuration
 * from greenroom-config, logging from greenroom-logging — which override these.
 */
public final class DefaultServiceFactories {
  private DefaultServiceFactories() {}

  /**
   * What a bare runtime needs and nothing more: an empty config (the runtime reads no config
   * files; greenroom-config does) and a console logger (until greenroom-logging's replaces it).
   */
  public static List<ServiceFactory<?>> bare() {
    return create(MapConfig::empty, SinkLogger::console);
  }

  public static List<ServiceFactory<?>> create(
      Supplier<? extends RootConfigService> config, Supplier<? extends RootLoggerService> rootLogger) {
    return List.of(
        ServiceFactory.of(CoreServices.ROOT_CONFIG).factory(deps -> config.get()),
        ServiceFactory.of(CoreServices.ROOT_LOGGER).factory(deps -> rootLogger.get()),
        logger(),
        rootLifecycle(),
        lifecycle());
  }

  public static ServiceFactory<LoggerService> logger() {
    return ServiceFactory.of(CoreServices.LOGGER)
        .deps(CoreServices.ROOT_LOGGER, CoreServices.PLUGIN_METADATA)
        .factory(deps -> deps.get(CoreServices.ROOT_LOGGER)
            .child(Map.of("plugin", deps.get(CoreServices.PLUGIN_METADATA).getId())));
  }

  public static ServiceFactory<?> rootLifecycle() {
    return ServiceFactory.of(CoreServices.ROOT_LIFECYCLE)
        .deps(CoreServices.ROOT_LOGGER)
        .factory(deps -> new RootLifecycle(deps.get(CoreServices.ROOT_LOGGER).child(Map.of("service", "rootLifecycle"))));
  }

  public static ServiceFactory<?> lifecycle() {
    return ServiceFactory.of(CoreServices.LIFECYCLE)
        .deps(CoreServices.LOGGER)
        .factory(deps -> new PluginLifecycle(deps.get(CoreServices.LOGGER).child(Map.of("service", "lifecycle"))));
  }
}
