package dev.greenroom.backend.runtime;

import org.osgi.annotation.versioning.ProviderType;

/** A backend: add features, start once, stop (idempotent). */
@ProviderType
public interface Backend {
  /**
   * Adds a feature: a {@code BackendFeature}, a {@code DefaultExport} wrapping one, or a {@code
   * CompletionStage}/{@code Future} of either. Processed at {@link #start()}.
   */
  void add(Object feature);

  /**
   * Starts every added feature, Backstage's startup sequence.
   *
   * @throws BackendStartupError when a plugin or module failure is not permitted by {@code
   *     backend.startup}
   */
  BackendStartupResult start();

  /** Stops the backend: root before-shutdown hooks, plugin shutdown hooks, root shutdown hooks. */
  void stop();
}
