package dev.greenroom.backend.runtime.internal.defaults;

/**
 * The framework-private triggers of a plugin lifecycle service. A replacement implementation
 * without them fails with {@code Unexpected plugin lifecycle service implementation}.
 */
public interface LifecycleTriggers {
  void startup();

  void shutdown();
}
