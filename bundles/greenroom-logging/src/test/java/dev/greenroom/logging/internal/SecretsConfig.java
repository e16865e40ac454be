package dev.greenroom.logging.internal;

import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.test.base.MapConfigs;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A root config whose secret values a test can change, notifying subscribers as a file edit would. */
final class SecretsConfig {
  private volatile Set<String> secrets;
  private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
  private final RootConfigService config;

  SecretsConfig(Set<String> secrets) {
    this.secrets = secrets;
    RootConfigService base = MapConfigs.rootConfig(Map.of());
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

  RootConfigService service() {
    return config;
  }

  void change(Set<String> newSecrets) {
    secrets = newSecrets;
    subscribers.forEach(Runnable::run);
  }
}
