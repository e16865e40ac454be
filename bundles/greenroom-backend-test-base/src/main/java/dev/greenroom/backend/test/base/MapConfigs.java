package dev.greenroom.backend.test.base;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootLoggerService;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import java.util.Map;

/**
 * Config and logger doubles for the core-service bundles' own tests. Plugin authors use {@code
 * dev.greenroom.backend.test.MockServices} (greenroom-backend-test) instead.
 */
public final class MapConfigs {
  private MapConfigs() {}

  /** Config from a map tree, e.g. {@code Map.of("backend", Map.of("listen", Map.of("port", 0)))}. */
  public static RootConfigService rootConfig(Map<String, Object> data) {
    return new MapConfig(data, "mock config");
  }

  /** {@code core.rootConfig} answering {@link #rootConfig(Map)}. */
  public static ServiceFactory<RootConfigService> rootConfigFactory(Map<String, Object> data) {
    return ServiceFactory.ofInstance(CoreServices.ROOT_CONFIG, rootConfig(data));
  }

  /** {@code core.rootLogger} recording into {@code logger}. */
  public static ServiceFactory<RootLoggerService> rootLoggerFactory(CapturingLogger logger) {
    RootLoggerService root = logger.logger();
    return ServiceFactory.ofInstance(CoreServices.ROOT_LOGGER, root);
  }
}
