package dev.greenroom.cache.internal;

import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.api.services.LoggerService;
import java.util.Map;

/** The root context of {@code core.cache}: one store for the backend, one namespace per plugin. */
public final class CacheManager implements AutoCloseable {
  private final CacheStore store;
  private final CacheSettings settings;
  private final LoggerService logger;

  public CacheManager(CacheStore store, CacheSettings settings, LoggerService logger) {
    this.store = store;
    this.settings = settings;
    this.logger = logger;
  }

  /** The store {@code settings} ask for. */
  public static CacheManager create(CacheSettings settings, LoggerService logger) {
    CacheStore store = "memory".equals(settings.store())
        ? new MemoryCacheStore()
        : new RedisCacheStore(settings.connection(), logger);
    return new CacheManager(store, settings, logger);
  }

  public CacheService forPlugin(String pluginId) {
    return new NamespacedCache(store, pluginId, settings.defaultTtl(), logger.child(Map.of("plugin", pluginId)));
  }

  public CacheSettings settings() {
    return settings;
  }

  /** Closes the store's connections; called from a root shutdown hook. */
  @Override
  public void close() {
    store.close();
  }
}
