package dev.greenroom.backend.runtime.internal.services;

import dev.greenroom.backend.runtime.internal.ErrorText;

/**
 * Carries a checked exception thrown by a root-scoped factory. Backstage rethrows such errors
 * unwrapped; Java cannot rethrow a checked exception from an unchecked method, so this carrier
 * renders exactly like its cause in {@link ErrorText} and messages stay the same.
 */
public final class UncheckedFactoryException extends RuntimeException
    implements ErrorText.NamedError {
  private static final long serialVersionUID = 1L;
  private final String errorName;

  public UncheckedFactoryException(Exception cause) {
    super(cause.getMessage(), cause);
    this.errorName = nameOf(cause);
  }

  @Override
  public String errorName() {
    return errorName;
  }

  private static String nameOf(Exception cause) {
    String rendered = ErrorText.of(cause);
    String message = cause.getMessage();
    if (message == null || message.isEmpty()) {
      return rendered;
    }
    return rendered.substring(0, rendered.length() - message.length() - 2);
  }
}
