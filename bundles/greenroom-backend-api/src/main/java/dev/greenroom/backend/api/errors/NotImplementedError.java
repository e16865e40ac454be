package dev.greenroom.backend.api.errors;

/** The operation is not implemented. Answered with HTTP 501. */
public class NotImplementedError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public NotImplementedError(String message) {
    super(message, null);
  }

  public NotImplementedError(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int statusCode() {
    return 501;
  }
}
