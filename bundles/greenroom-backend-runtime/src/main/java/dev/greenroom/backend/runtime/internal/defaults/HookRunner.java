package dev.greenroom.backend.runtime.internal.defaults;

import dev.greenroom.backend.api.services.LifecycleHook;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.internal.ErrorText;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the hooks of one phase concurrently; a failing hook is logged and the phase goes on. */
final class HookRunner {
  private HookRunner() {}

  record Entry(LifecycleHook hook, LoggerService logger) {}

  static void runAll(List<Entry> hooks, String phase) {
    if (hooks.isEmpty()) {
      return;
    }
    if (hooks.size() == 1) {
      runOne(hooks.get(0), phase);
      return;
    }
    CompletableFuture<?>[] runs =
        hooks.stream()
            .map(e -> CompletableFuture.runAsync(() -> runOne(e, phase), InitThreads.POOL))
            .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(runs).join();
  }

  private static void runOne(Entry entry, String phase) {
    try {
      entry.hook().run();
    } catch (Throwable e) {
      entry.logger().error(phase + " hook failed, " + ErrorText.of(e), e);
    }
  }
}
