package dev.greenroom.backend.api.errors;

/** The resource has not changed since the caller's last request. Answered with HTTP 304. */
public class NotModifiedError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public NotModifiedError(String message) {
    super(message, null);
  }

  public NotModifiedError(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int statusCode() {
    return 304;
  }
}
