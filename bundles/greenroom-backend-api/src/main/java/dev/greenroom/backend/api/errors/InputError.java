package dev.greenroom.backend.api.errors;

/** The request or the input was invalid. Answered with HTTP 400. */
public class InputError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public InputError(String message) {
    super(message, null);
  }

  public InputError(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int statusCode() {
    return 400;
  }
}
