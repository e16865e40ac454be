package dev.greenroom.backend.runtime.internal.defaults;

import dev.greenroom.backend.api.services.LifecycleHook;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootLifecycleService;

/** The default {@code core.rootLifecycle}: startup, before-shutdown and shutdown hooks. */
public final class RootLifecycle implements RootLifecycleService, RootLifecycleTriggers {
  private final LoggerService logger;
  private final HookList startup = new HookList("Startup", "Attempted to add startup hook after startup");
  private final HookList beforeShutdown =
      new HookList("Before shutdown", "Attempt to add before shutdown hook after shutdown has started");
  private final HookList shutdown = new HookList("Shutdown", "Attempted to add shutdown hook after shutdown");

  public RootLifecycle(LoggerService logger) {
    this.logger = logger;
  }

  @Override
  public void addStartupHook(LifecycleHook hook) {
    startup.add(hook, logger);
  }

  @Override
  public void addStartupHook(LifecycleHook hook, LoggerService hookLogger) {
    startup.add(hook, hookLogger == null ? logger : hookLogger);
  }

  @Override
  public void addBeforeShutdownHook(LifecycleHook hook) {
    beforeShutdown.add(hook, logger);
  }

  @Override
  public void addShutdownHook(LifecycleHook hook) {
    shutdown.add(hook, logger);
  }

  @Override
  public void addShutdownHook(LifecycleHook hook, LoggerService hookLogger) {
    shutdown.add(hook, hookLogger == null ? logger : hookLogger);
  }

  @Override
  public void startup() {
    startup.run();
  }

  @Override
  public void beforeShutdown() {
    beforeShutdown.run();
  }

  @Override
  public void shutdown() {
    shutdown.run();
  }
}
