package dev.greenroom.backend.api.errors;

/** The request conflicts with the current state, such as a duplicate or a running task. Answered with HTTP 409. */
public class ConflictError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public ConflictError(String message) {
    super(message, null);
  }

  public ConflictError(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int statusCode() {
    return 409;
  }
}
