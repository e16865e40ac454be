package dev.greenroom.scheduler.internal;

import dev.greenroom.http.router.RouteResponse;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.util.Map;

/**
 * Backstage's per-plugin scheduler routes ({@code PluginTaskSchedulerImpl.getRouter}, {@code
 * packages/backend-defaults/src/entrypoints/scheduler/lib/PluginTaskSchedulerImpl.ts}), mounted on
 * the plugin's own router so they sit behind its auth policy (user or service credentials):
 *
 * <ul>
 *   <li>{@code GET /.backstage/scheduler/v1/tasks}: {@code {tasks: [{taskId, pluginId, scope,
 *       settings, taskState, workerState}]}};
 *   <li>{@code POST /.backstage/scheduler/v1/tasks/<id>/trigger}: 200, 404 {@code Task <id> does
 *       not exist}, 409 {@code Task <id> is currently running};
 *   <li>{@code POST /.backstage/scheduler/v1/tasks/<id>/cancel}: 200, 404, 409 {@code Task <id> is
 *       not running}.
 * </ul>
 */
public final class SchedulerRoutes {
  static final String BASE = "/.backstage/scheduler/v1/tasks";

  private SchedulerRoutes() {}

  public static HttpServlet servlet(PluginTaskScheduler scheduler) {
    return Router.create()
        .get(BASE, req -> Map.of("tasks", scheduler.taskStates()))
        .post(BASE + "/{id}/trigger", req -> {
          scheduler.triggerTask(req.param("id"));
          return RouteResponse.of(200, null);
        })
        .post(BASE + "/{id}/cancel", req -> {
          scheduler.cancelTask(req.param("id"));
          return RouteResponse.of(200, null);
        })
        .build();
  }
}
