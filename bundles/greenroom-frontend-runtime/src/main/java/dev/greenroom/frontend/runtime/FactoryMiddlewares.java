package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.ExtensionDataContainer;
import dev.greenroom.frontend.api.ExtensionFactoryMiddleware;

/** Chains several factory middlewares into one ({@code mergeExtensionFactoryMiddleware}). */
final class FactoryMiddlewares {
  private FactoryMiddlewares() {}

  /**
   * Like Backstage's reduce: each later middleware wraps the earlier ones, so the last is outermost.
   * The inner one sees the outer's config changes in its context; its {@code original} is the
   * factory itself, unchanged.
   */
  static ExtensionFactoryMiddleware merge(ExtensionFactoryMiddleware... middlewares) {
    ExtensionFactoryMiddleware merged = null;
    for (ExtensionFactoryMiddleware next : middlewares) {
      if (next == null || merged == null) {
        merged = merged != null ? merged : next;
        continue;
      }
      ExtensionFactoryMiddleware prev = merged;
      merged =
          (original, ctx) ->
              next.apply(
                  changes ->
                      ExtensionDataContainer.of(
                          prev.apply(original, changes.applyTo(ctx)), "extension factory middleware"),
                  ctx);
    }
    return merged;
  }
}
