package dev.greenroom.backend.api.errors;

/** The requested resource does not exist. Answered with HTTP 404. */
public class NotFoundError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public NotFoundError(String message) {
    super(message, null);
  }

  public NotFoundError(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int statusCode() {
    return 404;
  }
}
