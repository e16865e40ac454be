package dev.greenroom.backend.api.spi;

/**
 * A value holding a feature as its default export, the Java stand-in for a JavaScript module
 * object {@code { default: feature }}. The runtime unwraps it (twice, for CJS-style nesting).
 */
@FunctionalInterface
public interface DefaultExport {
  Object getDefault();
}
