package dev.greenroom.backend.runtime;

import dev.greenroom.backend.api.BackendFeature;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/** A backend: add features, start once, stop (idempotent). */
@ProviderType
public interface Backend {
  /**
   * Adds a feature: a plugin, module, service factory or feature loader. Processed at {@link
   * #start()}; a service factory added here overrides the default for its service.
   */
  void add(BackendFeature feature);

  /**
   * Adds a feature that arrives later, Backstage's {@code backend.add(import('...'))}: the stage
   * completes with a {@link BackendFeature} or with a module-like {@code DefaultExport} of one.
   * {@link #start()} awaits it, and features keep the order in which they were added.
   */
  void add(CompletionStage<?> feature);

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
