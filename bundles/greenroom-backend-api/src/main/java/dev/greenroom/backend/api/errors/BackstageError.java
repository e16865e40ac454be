package dev.greenroom.backend.api.errors;

/**
 * A Backstage error: its {@link #name()} (such as {@code NotFoundError}) selects the HTTP status
 * the error handler answers with. Subclasses exist for each of Backstage's names.
 */
public abstract class BackstageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected BackstageError(String message, Throwable cause) {
    super(message, cause);
  }

  /** Backstage's error name, the simple class name: {@code InputError}, {@code NotFoundError}, ... */
  public String name() {
    return getClass().getSimpleName();
  }

  /** The HTTP status Backstage's error handler maps this error to. */
  public abstract int statusCode();
}
