package dev.greenroom.backend.api.services;

/**
 * A one-way flag that says "stop": the Java counterpart of the web {@code AbortSignal} that
 * Backstage hands to scheduled tasks. The scheduler passes one to every run of a {@link
 * SchedulerServiceTaskFunction}; callers may pass their own in a {@link
 * SchedulerServiceTaskInvocationDefinition} to end a task's recurring runs, so callers may
 * implement it too.
 */
public interface AbortSignal {
  /** Whether the signal has fired. Once true it stays true. */
  boolean isAborted();

  /**
   * Calls {@code listener} once when the signal fires, or right away on the calling thread if it
   * already has.
   */
  void onAbort(Runnable listener);
}
