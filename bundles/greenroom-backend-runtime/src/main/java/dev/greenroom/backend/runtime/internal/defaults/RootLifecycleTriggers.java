package dev.greenroom.backend.runtime.internal.defaults;

/** The framework-private triggers of the root lifecycle service. */
public interface RootLifecycleTriggers extends LifecycleTriggers {
  void beforeShutdown();
}
