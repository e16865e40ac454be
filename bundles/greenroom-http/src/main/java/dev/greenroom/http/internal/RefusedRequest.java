package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.ServiceUnavailableError;

/**
 * A 503 the server gives on its own account (a plugin failed, is not started, busy or too slow; the
 * server is shutting down): the body is Backstage's {@code ServiceUnavailableError}, but the error
 * handler does not log it per request. Each cause is logged once per change by the plugin's slot
 * instead: a stack trace per refused request was ~36 lines, and 840 requests to a failed plugin
 * wrote ~30,000 lines.
 */
public final class RefusedRequest extends ServiceUnavailableError {
  private static final long serialVersionUID = 1L;

  public RefusedRequest(String message) {
    super(message);
  }

  /** Backstage's name, not this class's: clients see the same body as for any 503. */
  @Override
  public String name() {
    return "ServiceUnavailableError";
  }

  /** No stack trace: it is never logged, and filling it in costs time under load. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
