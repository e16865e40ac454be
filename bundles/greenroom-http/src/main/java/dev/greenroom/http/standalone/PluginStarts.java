package dev.greenroom.http.standalone;

import java.util.Optional;

/**
 * Whether a start of a plugin is pending, so that holding its requests can end in an answer.
 * Only then does a plugin's slot hold requests (up to {@code
 * backend.lifecycle.startupRequestPauseTimeout}); a plugin that failed or stopped with nothing
 * coming answers 503 at once, so that its requests take neither a thread nor the clients' time.
 *
 * <p>In OSGi the answer comes from the runtime's plugin states. Plain Java has no state source:
 * {@link #ASSUME_PENDING} keeps Backstage's behaviour (hold up to the pause timeout, then 503).
 */
@FunctionalInterface
public interface PluginStarts {
  PluginStarts ASSUME_PENDING = pluginId -> Optional.empty();

  /**
   * Empty while a start of {@code pluginId} is (or may be) pending; otherwise why none is, for the
   * log line (for example {@code "it failed: Boom"}). Unknown plugins and unknown states count as
   * pending: the hold is bounded anyway.
   */
  Optional<String> noStartPending(String pluginId);
}
