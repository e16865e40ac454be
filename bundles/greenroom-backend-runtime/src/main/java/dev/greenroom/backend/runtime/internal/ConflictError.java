package dev.greenroom.backend.runtime.internal;

/** Backstage's ConflictError: a wiring conflict such as a dependency cycle. */
public final class ConflictError extends RuntimeException implements ErrorText.NamedError {
  private static final long serialVersionUID = 1L;

  public ConflictError(String message) {
    super(message);
  }

  @Override
  public String errorName() {
    return "ConflictError";
  }
}
