package dev.greenroom.frontend.api;

import java.io.IOException;

/**
 * Reads from a backend plugin while a view renders: the server-side counterpart of Backstage's
 * {@code fetchApi} + {@code discoveryApi}. The app that serves the frontend resolves {@code pluginId}
 * to that plugin's base URL and authenticates the call; a view only names plugin and path.
 */
@FunctionalInterface
public interface BackendFetch {
  /**
   * GETs {@code path} (relative to {@code /api/<pluginId>}, starting with {@code /}).
   *
   * @throws IOException when the backend cannot be reached
   */
  Response get(String pluginId, String path) throws IOException;

  /** The answer: HTTP status, content type (may be null) and body as text. */
  record Response(int status, String contentType, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** What a render sees when no backend is attached (plain tests, the visualizer). */
  BackendFetch NONE =
      (pluginId, path) -> {
        throw new IOException("No backend is attached to this render (GET " + pluginId + " " + path + ")");
      };
}
