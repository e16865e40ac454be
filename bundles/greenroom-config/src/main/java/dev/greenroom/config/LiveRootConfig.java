package dev.greenroom.config;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.config.internal.ConfigLoader;
import dev.greenroom.config.internal.FilePoller;
import dev.greenroom.config.internal.LoadedConfig;
import dev.greenroom.config.internal.SchemaValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Greenroom's {@code core.rootConfig}: loaded from files, env and schemas per
 * {@link RootConfigOptions}; {@link #reload()} (called by the watcher, or after schemas change)
 * loads and validates everything again, swaps atomically and then tells subscribers. A failed
 * reload keeps the previous config. Configs returned by {@code getConfig} are snapshots; read
 * them again in a subscriber.
 */
public final class LiveRootConfig implements RootConfigService, AutoCloseable {
  private final RootConfigOptions options;
  private final AtomicReference<LoadedConfig> current = new AtomicReference<>();
  private final AtomicReference<ConfigException> lastReloadError = new AtomicReference<>();
  private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
  private final FilePoller poller;

  private LiveRootConfig(RootConfigOptions options) {
    this.options = options;
    current.set(loadNow());
    this.poller = options.watchInterval == null
        ? null
        : new FilePoller(() -> current.get().watched(), options.watchInterval, this::reload);
  }

  /** Loads now; a bad file, env overlay or schema violation throws {@link ConfigException}. */
  public static LiveRootConfig load(RootConfigOptions options) {
    return new LiveRootConfig(options);
  }

  private LoadedConfig loadNow() {
    return ConfigLoader.load(options.configDir, options.files, options.env, options.schemas.get(), options.defaults);
  }

  /**
   * Loads again; on success swaps and notifies subscribers and returns true; on failure keeps the
   * old config, records and reports the error and returns false.
   */
  public synchronized boolean reload() {
    LoadedConfig next;
    try {
      next = loadNow();
    } catch (ConfigException e) {
      lastReloadError.set(e);
      options.reloadErrors.accept(e);
      return false;
    }
    current.set(next);
    lastReloadError.set(null);
    for (Runnable s : subscribers) {
      try {
        s.run();
      } catch (RuntimeException e) {
        options.reloadErrors.accept(new ConfigException("Config subscriber failed: " + e, null, null, e));
      }
    }
    return true;
  }

  /**
   * Validates the current config against {@code schemas} (which need not be among the options'
   * schemas); a violation throws the {@link ConfigException} a load would, naming owner, key and file.
   */
  public void validate(List<ConfigSchema> schemas) {
    LoadedConfig loaded = current.get();
    SchemaValidator.validate(schemas, loaded.merged(), loaded.reader());
  }

  /** The error of the last reload if it failed, else empty. */
  public Optional<ConfigException> lastReloadError() {
    return Optional.ofNullable(lastReloadError.get());
  }

  /** The merged configuration tree (read-only). */
  public Map<String, Object> data() {
    return current.get().merged();
  }

  /** The files the current config was read from, includes and {@code $file}s among them. */
  public Set<Path> files() {
    return current.get().watched();
  }

  @Override
  public Set<String> secretValues() {
    return current.get().secrets();
  }

  @Override
  public AutoCloseable subscribe(Runnable onChange) {
    subscribers.add(onChange);
    return () -> subscribers.remove(onChange);
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.close();
    }
    subscribers.clear();
  }

  private Config reader() {
    return current.get().reader();
  }

  @Override
  public boolean has(String key) {
    return reader().has(key);
  }

  @Override
  public Set<String> keys() {
    return reader().keys();
  }

  @Override
  public Optional<Object> getOptional(String key) {
    return reader().getOptional(key);
  }

  @Override
  public String getString(String key) {
    return reader().getString(key);
  }

  @Override
  public Optional<String> getOptionalString(String key) {
    return reader().getOptionalString(key);
  }

  @Override
  public double getNumber(String key) {
    return reader().getNumber(key);
  }

  @Override
  public Optional<Double> getOptionalNumber(String key) {
    return reader().getOptionalNumber(key);
  }

  @Override
  public boolean getBoolean(String key) {
    return reader().getBoolean(key);
  }

  @Override
  public Optional<Boolean> getOptionalBoolean(String key) {
    return reader().getOptionalBoolean(key);
  }

  @Override
  public Config getConfig(String key) {
    return reader().getConfig(key);
  }

  @Override
  public Optional<Config> getOptionalConfig(String key) {
    return reader().getOptionalConfig(key);
  }

  @Override
  public List<Config> getConfigArray(String key) {
    return reader().getConfigArray(key);
  }

  @Override
  public Optional<List<Config>> getOptionalConfigArray(String key) {
    return reader().getOptionalConfigArray(key);
  }

  @Override
  public List<String> getStringArray(String key) {
    return reader().getStringArray(key);
  }

  @Override
  public Optional<List<String>> getOptionalStringArray(String key) {
    return reader().getOptionalStringArray(key);
  }

  @Override
  public String toString() {
    return "LiveRootConfig" + current.get().reader().contexts();
  }
}
