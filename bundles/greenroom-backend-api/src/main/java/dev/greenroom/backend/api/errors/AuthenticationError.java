package dev.greenroom.backend.api.errors;

/** The caller could not be authenticated: no, invalid or expired credentials. Answered with HTTP 401. */
public class AuthenticationError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public AuthenticationError(String message) {
    super(message, null);
  }

  public AuthenticationError(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int statusCode() {
    return 401;
  }
}
