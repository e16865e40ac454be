package dev.greenroom.backend.api.errors;

/** The service cannot answer now, such as while it starts up or shuts down. Answered with HTTP 503. */
public class ServiceUnavailableError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public ServiceUnavailableError(String message) {
    super(message, null);
  }

  public ServiceUnavailableError(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int statusCode() {
    return 503;
  }
}
