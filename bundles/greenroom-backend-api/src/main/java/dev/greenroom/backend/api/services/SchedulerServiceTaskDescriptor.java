package dev.greenroom.backend.api.services;

import java.util.Map;

/**
 * A scheduled task as listed by {@link SchedulerService#getScheduledTasks()}. Backstage's {@code
 * SchedulerServiceTaskDescriptor}.
 *
 * @param id the task id
 * @param scope the task's scope
 * @param settings the scheduling settings, JSON-like, for debugging only; contains at least {@code
 *     version}. Make no other assumption about its content.
 */
public record SchedulerServiceTaskDescriptor(
    String id, SchedulerServiceTaskScope scope, Map<String, Object> settings) {
  public SchedulerServiceTaskDescriptor {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }
}
