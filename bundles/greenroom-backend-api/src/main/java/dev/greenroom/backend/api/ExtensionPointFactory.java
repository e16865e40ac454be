package dev.greenroom.backend.api;

/**
 * Creates an extension point implementation for each consuming module, so the provider can tell
 * contributions apart and blame a module for a failure it detects later.
 */
@FunctionalInterface
public interface ExtensionPointFactory<T> {
  T create(ExtensionPointFactoryContext context);
}
