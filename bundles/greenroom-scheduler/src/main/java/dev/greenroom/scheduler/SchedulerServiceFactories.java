package dev.greenroom.scheduler;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.scheduler.internal.PluginTaskScheduler;

/**
 * Greenroom's {@code core.scheduler}: global tasks on db-scheduler over the plugin's {@code
 * core.database}, local tasks in-process. Add {@link #create()} to a backend (or a {@code
 * TestBackend}) to use it without OSGi; in OSGi this bundle registers it by itself.
 */
public final class SchedulerServiceFactories {
  private SchedulerServiceFactories() {}

  public static ServiceFactory<SchedulerService> create() {
    return create(SchedulerOptions.defaults());
  }

  public static ServiceFactory<SchedulerService> create(SchedulerOptions options) {
    return ServiceFactory.of(CoreServices.SCHEDULER)
        .deps(
            CoreServices.PLUGIN_METADATA,
            CoreServices.DATABASE,
            CoreServices.LOGGER,
            CoreServices.LIFECYCLE,
            CoreServices.ROOT_LIFECYCLE)
        .factory(
            deps -> {
              PluginTaskScheduler scheduler =
                  new PluginTaskScheduler(
                      deps.get(CoreServices.PLUGIN_METADATA).getId(),
                      deps.get(CoreServices.DATABASE),
                      deps.get(CoreServices.LOGGER),
                      options);
              deps.get(CoreServices.LIFECYCLE).addShutdownHook(scheduler::stop);
              deps.get(CoreServices.ROOT_LIFECYCLE).addShutdownHook(scheduler::stop);
              return scheduler;
            });
  }
}
