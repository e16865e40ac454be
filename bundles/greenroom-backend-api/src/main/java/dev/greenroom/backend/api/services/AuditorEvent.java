package dev.greenroom.backend.api.services;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An initiated audit event, completed once with success or failure. Backstage's result of {@code
 * AuditorService.createEvent}.
 */
@ProviderType
public interface AuditorEvent {
  default void success() {
    success(null);
  }

  /** Records that the action succeeded, with extra JSON-like {@code meta} (may be null). */
  void success(Map<String, ?> meta);

  default void fail(Throwable error) {
    fail(error, null);
  }

  /**
   * Records that the action failed with {@code error}, with extra JSON-like {@code meta} (may be
   * null).
   */
  void fail(Throwable error, Map<String, ?> meta);
}
