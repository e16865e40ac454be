package dev.greenroom.backend.runtime.internal;

import java.util.Set;

/**
 * Renders an error the way JavaScript's {@code `${error}`} does in Backstage's messages: {@code
 * <Name>: <message>}. Java's generic exception types render as {@code Error}, Backstage's generic
 * error; Greenroom's own errors and any other type keep their simple class name.
 */
public final class ErrorText {
  private static final Set<Class<?>> GENERIC =
      Set.of(
          Exception.class,
          RuntimeException.class,
          IllegalStateException.class,
          IllegalArgumentException.class,
          Error.class);

  private ErrorText() {}

  public static String of(Throwable error) {
    if (error == null) {
      return "undefined";
    }
    String name = GENERIC.contains(error.getClass()) ? "Error" : error.getClass().getSimpleName();
    if (error instanceof NamedError named) {
      name = named.errorName();
    }
    String message = error.getMessage();
    return message == null || message.isEmpty() ? name : name + ": " + message;
  }

  /** An error type that renders under a Backstage error name (ConflictError, ForwardedError...). */
  public interface NamedError {
    String errorName();
  }
}
