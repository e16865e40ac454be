package dev.greenroom.backend.api.errors;

/** The caller is authenticated but not allowed to do this. Answered with HTTP 403. */
public class NotAllowedError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public NotAllowedError(String message) {
    super(message, null);
  }

  public NotAllowedError(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int statusCode() {
    return 403;
  }
}
