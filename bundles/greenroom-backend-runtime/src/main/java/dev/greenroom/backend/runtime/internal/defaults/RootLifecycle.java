package dev.greenroom.backend.runtime.internal.defaults;

import dev.greenroom.backend.api.services.LifecycleHook;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootLifecycleService;

/**
 * The default {@code core.rootLifecycle}: a plugin lifecycle's startup and shutdown hooks, plus
 * before-shutdown hooks that run first on stop.
 */
public final class RootLifecycle implements RootLifecycleService, RootLifecycleTriggers {
  private final LoggerService logger;
  private final PluginLifecycle hooks;
  private final HookList beforeShutdown =
      new HookList("Before shutdown", "Attempt to add before shutdown hook after shutdown has started");

  public RootLifecycle(LoggerService logger) {
    this.logger = logger;
    this.hooks = new PluginLifecycle(logger);
  }

  @Override
  public void addStartupHook(LifecycleHook hook) {
    hooks.addStartupHook(hook);
  }

  @Override
  public void addStartupHook(LifecycleHook hook, LoggerService hookLogger) {
    hooks.addStartupHook(hook, hookLogger);
  }

  @Override
  public void addBeforeShutdownHook(LifecycleHook hook) {
    beforeShutdown.add(hook, logger);
  }

  @Override
  public void addShutdownHook(LifecycleHook hook) {
    hooks.addShutdownHook(hook);
  }

  @Override
  public void addShutdownHook(LifecycleHook hook, LoggerService hookLogger) {
    hooks.addShutdownHook(hook, hookLogger);
  }

  @Override
  public void startup() {
    hooks.startup();
  }

  @Override
  public void beforeShutdown() {
    beforeShutdown.run();
  }

  @Override
  public void shutdown() {
    hooks.shutdown();
  }
}
