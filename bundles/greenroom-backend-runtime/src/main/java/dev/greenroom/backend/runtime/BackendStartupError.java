package dev.greenroom.backend.runtime;

/**
 * Thrown by {@link Backend#start()} when failures are not permitted. The message lists one line
 * per non-permitted failure; {@link #result()} carries the whole startup result.
 */
public final class BackendStartupError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient BackendStartupResult result;

  public BackendStartupError(String message, BackendStartupResult result) {
    super(message, null, false, false);
    this.result = result;
  }

  public BackendStartupResult result() {
    return result;
  }

  @Override
  public String toString() {
    return "BackendStartupError: " + getMessage();
  }
}
