package dev.greenroom.frontend.api;

/**
 * Wraps every extension factory of an app ({@code ExtensionFactoryMiddleware} of {@code
 * createApp}/{@code createSpecializedApp}): it calls {@code original.create(...)}, optionally with
 * another config, and returns the output to use, e.g. to decorate views or add data.
 *
 * <pre>{@code
 * (original, ctx) -> original.create(OriginalFactoryContext.withConfig(Map.of("title", "Renamed")))
 * }</pre>
 *
 * <p>The original's output reaches the middleware unverified (the runtime checks the final output
 * against the declared refs); a null from the original or the middleware fails the extension with
 * {@code extension factory did not provide an iterable object} or {@code extension factory
 * middleware did not provide an iterable object}. Duplicate data ids in the middleware's result
 * collapse, the last value winning.
 */
@FunctionalInterface
public interface ExtensionFactoryMiddleware {
  Iterable<? extends ExtensionDataValue<?>> apply(
      ExtensionOverride.OriginalFactory original, ExtensionContext context) throws Exception;
}
