package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.BackstageError;

/** The request body is over the configured limit: 413, named as Express's body parser names it. */
public final class PayloadTooLargeError extends BackstageError {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeError() {
    super("request entity too large", null);
  }

  @Override
  public int statusCode() {
    return 413;
  }
}
