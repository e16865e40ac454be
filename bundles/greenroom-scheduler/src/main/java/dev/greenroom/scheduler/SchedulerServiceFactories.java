package dev.greenroom.scheduler;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Dependency;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.scheduler.internal.PluginTaskScheduler;
import dev.greenroom.scheduler.internal.SchedulerRoutes;
import dev.greenroom.scheduler.internal.TaskRunMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Greenroom's {@code core.scheduler}: global tasks on db-scheduler over the plugin's {@code
 * core.database}, local tasks in-process. Add {@link #createWithRoutes()} to a backend that serves
 * HTTP, or {@link #create()} to one without (a {@code TestBackend}); in OSGi this bundle registers
 * the one with routes by itself.
 */
public final class SchedulerServiceFactories {
  private SchedulerServiceFactories() {}

  /** The scheduler without HTTP routes, with default options. */
  public static ServiceFactory<SchedulerService> create() {
    return create(SchedulerOptions.defaults());
  }

  /** The scheduler without HTTP routes: for a backend that has no {@code core.httpRouter}. */
  public static ServiceFactory<SchedulerService> create(SchedulerOptions options) {
    return create(options, () -> null);
  }

  /**
   * As {@link #create(SchedulerOptions)}; every task run is counted and timed on the metrics
   * service {@code metrics} gives when the run starts (null: not measured), as docs/metrics.md lists.
   */
  public static ServiceFactory<SchedulerService> create(
      SchedulerOptions options, Supplier<? extends MetricsService> metrics) {
    return build(options, metrics, false);
  }

  /** {@link #createWithRoutes(SchedulerOptions)} with default options. */
  public static ServiceFactory<SchedulerService> createWithRoutes() {
    return createWithRoutes(SchedulerOptions.defaults());
  }

  /**
   * The scheduler as Backstage's {@code schedulerServiceFactory}: it also serves the plugin's
   * {@code /.backstage/scheduler/v1/tasks} routes (list, trigger, cancel) on the plugin's {@code
   * core.httpRouter}, behind its auth policy. See {@code docs/scheduler.md}.
   */
  public static ServiceFactory<SchedulerService> createWithRoutes(SchedulerOptions options) {
    return createWithRoutes(options, () -> null);
  }

  /**
   * As {@link #createWithRoutes(SchedulerOptions)}; every task run is counted and timed on the
   * metrics service {@code metrics} gives when the run starts (null: not measured).
   */
  public static ServiceFactory<SchedulerService> createWithRoutes(
      SchedulerOptions options, Supplier<? extends MetricsService> metrics) {
    return build(options, metrics, true);
  }

  /** One factory for both forms: {@code routes} adds {@code core.httpRouter} and mounts the task routes on it. */
  private static ServiceFactory<SchedulerService> build(
      SchedulerOptions options, Supplier<? extends MetricsService> metrics, boolean routes) {
    TaskRunMetrics runs = new TaskRunMetrics(metrics);
    List<Dependency<?>> deps =
        new ArrayList<>(
            List.of(
                CoreServices.PLUGIN_METADATA,
                CoreServices.DATABASE,
                CoreServices.LOGGER,
                CoreServices.LIFECYCLE,
                CoreServices.ROOT_LIFECYCLE));
    if (routes) {
      deps.add(CoreServices.HTTP_ROUTER);
    }
    return ServiceFactory.of(CoreServices.SCHEDULER)
        .deps(deps.toArray(Dependency<?>[]::new))
        .factory(resolved -> {
          PluginTaskScheduler scheduler = scheduler(resolved, options);
          if (routes) {
            resolved.get(CoreServices.HTTP_ROUTER).use(SchedulerRoutes.servlet(scheduler));
          }
          return runs.measure(resolved.get(CoreServices.PLUGIN_METADATA).getId(), scheduler);
        });
  }

  private static PluginTaskScheduler scheduler(dev.greenroom.backend.api.ResolvedDeps deps, SchedulerOptions options) {
    PluginTaskScheduler scheduler =
        new PluginTaskScheduler(
            deps.get(CoreServices.PLUGIN_METADATA).getId(),
            deps.get(CoreServices.DATABASE),
            deps.get(CoreServices.LOGGER),
            options);
    deps.get(CoreServices.LIFECYCLE).addShutdownHook(scheduler::stop);
    deps.get(CoreServices.ROOT_LIFECYCLE).addShutdownHook(scheduler::stop);
    return scheduler;
  }
}
