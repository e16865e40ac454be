package dev.greenroom.backend.runtime.internal.defaults;

import dev.greenroom.backend.api.services.LifecycleHook;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.LoggerService;

/** The default {@code core.lifecycle}: a plugin's startup and shutdown hooks. */
public final class PluginLifecycle implements LifecycleService, LifecycleTriggers {
  private final LoggerService logger;
  private final HookList startup = new HookList("Startup", "Attempted to add startup hook after startup");
  private final HookList shutdown = new HookList("Shutdown", "Attempted to add shutdown hook after shutdown");

  public PluginLifecycle(LoggerService logger) {
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
  public void shutdown() {
    shutdown.run();
  }
}
