package dev.greenroom.backend.runtime.internal.wiring;

import dev.greenroom.backend.runtime.internal.ErrorText;

/**
 * A second registration of a plugin id, or of a module id for one plugin: Backstage's {@code
 * Plugin '<id>' is already registered} / {@code Module '<mid>' for plugin '<pid>' is already
 * registered}. Newest upstream (backend-app-api, "attribute registration errors to
 * plugins/modules", backstage#33029) reports it as a failure of that plugin inside the startup
 * result, subject to {@code onPluginBootFailure}, while the other plugins start.
 */
public final class DuplicateRegistrationError extends IllegalStateException implements ErrorText.NamedError {
  private static final long serialVersionUID = 1L;

  DuplicateRegistrationError(String message) {
    super(message);
  }

  /** Upstream throws a plain {@code Error}: {@code Error: Plugin 'x' is already registered}. */
  @Override
  public String errorName() {
    return "Error";
  }
}
