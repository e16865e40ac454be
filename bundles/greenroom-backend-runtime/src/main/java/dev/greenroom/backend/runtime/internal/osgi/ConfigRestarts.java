package dev.greenroom.backend.runtime.internal.osgi;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Restarts exactly the plugins whose config subtree (the top-level key named after the plugin, as
 * Backstage plugins read it) changed when the root config reports a change. A plugin that failed
 * is retried the same way. Other plugins and root services are untouched.
 */
final class ConfigRestarts implements AutoCloseable {
  private final RootConfigService config;
  private final Supplier<List<PluginCoordinator>> coordinators;
  private final Supplier<LoggerService> logger;
  private final Map<String, Object> seen = new HashMap<>();
  private final AutoCloseable subscription;

  ConfigRestarts(RootConfigService config, Supplier<List<PluginCoordinator>> coordinators, Supplier<LoggerService> logger) {
    this.config = config;
    this.coordinators = coordinators;
    this.logger = logger;
    synchronized (seen) {
      seen.putAll(topLevel());
    }
    this.subscription = config.subscribe(this::changed);
  }

  private Map<String, Object> topLevel() {
    Map<String, Object> out = new HashMap<>();
    for (String key : config.keys()) {
      config.getOptional(key).ifPresent(v -> out.put(key, v));
    }
    return out;
  }

  void changed() {
    synchronized (seen) {
      Map<String, Object> now = topLevel();
      Map<String, Object> before = new HashMap<>(seen);
      seen.clear();
      seen.putAll(now);
      for (PluginCoordinator c : coordinators.get()) {
        if (!Objects.equals(before.get(c.pluginId()), now.get(c.pluginId())) && c.started()) {
          logger.get().info("Config of plugin '" + c.pluginId() + "' changed; restarting it");
          c.restart();
        }
      }
    }
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      logger.get().warn("Closing the config subscription failed: " + e.getMessage());
    }
  }
}
