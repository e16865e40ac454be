package dev.greenroom.backend.api.services;

/** The concurrency scope of a scheduled task. Backstage's {@code scope: 'global' | 'local'}. */
public enum SchedulerServiceTaskScope {
  /** One run per cadence across all backend instances, coordinated through the database. */
  GLOBAL("global"),
  /** Each instance runs the task on its own cadence; runs within one instance never overlap. */
  LOCAL("local");

  private final String value;

  SchedulerServiceTaskScope(String value) {
    this.value = value;
  }

  /** Backstage's spelling: {@code global} or {@code local}. */
  public String value() {
    return value;
  }
}
