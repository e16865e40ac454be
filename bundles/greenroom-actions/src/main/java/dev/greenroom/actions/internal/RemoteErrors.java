package dev.greenroom.actions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.ConflictError;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.errors.NotImplementedError;
import dev.greenroom.backend.api.errors.ServiceUnavailableError;

/**
 * Turns another plugin's error answer ({@code {"error": {"name", "message"}}}) back into the same
 * Backstage error, so a caller (a route, the MCP endpoint) answers with the remote status and
 * message. Upstream throws a {@code ResponseError} whose cause is the remote error; callers there
 * read the cause, here they read the error itself.
 */
final class RemoteErrors {
  private RemoteErrors() {}

  static RuntimeException of(int status, String body, String pluginId) {
    String name = null;
    String message = null;
    try {
      JsonNode error = Json.MAPPER.readTree(body).path("error");
      name = error.path("name").isTextual() ? error.path("name").asText() : null;
      message = error.path("message").isTextual() ? error.path("message").asText() : null;
    } catch (Exception notJson) {
      // fall through: a proxy or a non-Backstage server answered
    }
    if (message != null && name != null) {
      switch (name) {
        case "InputError": return new InputError(message);
        case "NotFoundError": return new NotFoundError(message);
        case "NotAllowedError": return new NotAllowedError(message);
        case "AuthenticationError": return new AuthenticationError(message);
        case "ConflictError": return new ConflictError(message);
        case "NotImplementedError": return new NotImplementedError(message);
        case "ServiceUnavailableError": return new ServiceUnavailableError(message);
        default: break;
      }
    }
    return new IllegalStateException("Request to plugin '" + pluginId + "' failed with " + status
        + (message != null ? ", " + (name != null ? name : "Error") + ": " + message : ""));
  }
}
