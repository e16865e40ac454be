package dev.greenroom.backend.api.services;

/** A startup or shutdown hook. Hooks of one phase run concurrently; a failing hook is logged. */
@FunctionalInterface
public interface LifecycleHook {
  void run() throws Exception;
}
