package dev.greenroom.backend.api.services;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An initiated audit event, completed once with success or failure. Backstage's result of {@code
 * AuditorService.createEvent}.
 */
@ProviderType
public interface AuditorEvent {
  /** Records that the action succeeded. */
  default void success() {
    success(null);
  }

  /** Records that the action succeeded, with extra JSON-like {@code meta} (may be null). */
  void success(Map<String, ?> meta);

  /** Records that the action failed with {@code error}. */
  default void fail(Throwable error) {
    fail(error, null);
  }

  /**
   * Records that the action failed with {@code error}, with extra JSON-like {@code meta} (may be
   * null).
   */
  void fail(Throwable error, Map<String, ?> meta);
}
