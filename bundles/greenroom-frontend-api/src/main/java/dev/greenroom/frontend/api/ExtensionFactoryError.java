package dev.greenroom.frontend.api;

/**
 * Backstage's plain {@code Error} raised by the factory machinery itself (an override's or
 * middleware's result that is not iterable, an original factory's undeclared or missing data). The
 * runtime reports it as {@code Failed to instantiate extension '<id>', <message>}, without a class name.
 */
public final class ExtensionFactoryError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExtensionFactoryError(String message) {
    super(message);
  }
}
