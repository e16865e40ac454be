package dev.greenroom.backend.test;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootLoggerService;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import java.util.Map;

/** Factories for test doubles of core services; pass them to {@link TestBackend.Builder#add}. */
public final class MockServices {
  private MockServices() {}

  /** Config from a map tree, e.g. {@code Map.of("backend", Map.of("listen", Map.of("port", 0)))}. */
  public static RootConfigService rootConfig(Map<String, Object> data) {
    return new MapConfig(data, "mock config");
  }

  public static ServiceFactory<RootConfigService> rootConfigFactory(Map<String, Object> data) {
    return ServiceFactory.ofInstance(CoreServices.ROOT_CONFIG, rootConfig(data));
  }

  public static ServiceFactory<RootLoggerService> rootLoggerFactory(CapturingLogger logger) {
    RootLoggerService root = logger.logger();
    return ServiceFactory.ofInstance(CoreServices.ROOT_LOGGER, root);
  }
}
