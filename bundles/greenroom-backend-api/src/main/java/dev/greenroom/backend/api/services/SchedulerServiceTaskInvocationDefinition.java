package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * What to run on a schedule. Backstage's {@code SchedulerServiceTaskInvocationDefinition}.
 *
 * @param id the task's id, unique within the plugin
 * @param fn the task body
 * @param signal when it fires, recurring runs of the task stop; may be null
 */
public record SchedulerServiceTaskInvocationDefinition(
    String id, SchedulerServiceTaskFunction fn, AbortSignal signal) {
  public SchedulerServiceTaskInvocationDefinition {
    Objects.requireNonNull(fn, "fn");
  }

  public SchedulerServiceTaskInvocationDefinition(String id, SchedulerServiceTaskFunction fn) {
    this(id, fn, null);
  }
}
