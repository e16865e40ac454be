package dev.greenroom.http.internal;

/**
 * A request reached a handler of a plugin instance that has just shut down, before the handler ran.
 * Nothing of the request was processed, so the slot serves it again with the next instance.
 */
public final class HandlerRemovedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public HandlerRemovedException(String message) {
    super(message);
  }
}
