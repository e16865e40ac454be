package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.test.base.MapConfigs;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A root config with data (backend.logger) a test can replace, notifying subscribers. */
final class ConfiguredConfig {
  private volatile RootConfigService base;
  private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
  private final Set<String> secrets;
  private final RootConfigService config;

  ConfiguredConfig(Map<String, Object> data, Set<String> secrets) {
    this.base = MapConfigs.rootConfig(data);
    this.secrets = secrets;
    config = (RootConfigService) Proxy.newProxyInstance(
        getClass().getClassLoader(),
        new Class<?>[] {RootConfigService.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "secretValues" -> this.secrets;
          case "subscribe" -> {
            subscribers.add((Runnable) args[0]);
            yield (AutoCloseable) () -> subscribers.remove((Runnable) args[0]);
          }
          default -> method.invoke(base, args);
        });
  }

  static ConfiguredConfig logger(Map<String, Object> backendLogger) {
    return new ConfiguredConfig(Map.of("backend", Map.of("logger", backendLogger)), Set.of());
  }

  RootConfigService service() {
    return config;
  }

  void change(Map<String, Object> data) {
    base = MapConfigs.rootConfig(data);
    subscribers.forEach(Runnable::run);
  }
}
