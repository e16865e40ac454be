package dev.greenroom.backend.runtime.internal.defaults;

import dev.greenroom.backend.api.services.LifecycleHook;
import dev.greenroom.backend.api.services.LoggerService;
import java.util.ArrayList;
import java.util.List;

/** The hooks of one phase: may be added to until the phase starts, runs at most once. */
final class HookList {
  private final String phase;
  private final String lateMessage;
  private final List<HookRunner.Entry> hooks = new ArrayList<>();
  private boolean started;

  HookList(String phase, String lateMessage) {
    this.phase = phase;
    this.lateMessage = lateMessage;
  }

  synchronized void add(LifecycleHook hook, LoggerService logger) {
    if (started) {
      throw new IllegalStateException(lateMessage);
    }
    hooks.add(new HookRunner.Entry(hook, logger));
  }

  void run() {
    List<HookRunner.Entry> toRun;
    synchronized (this) {
      if (started) {
        return;
      }
      started = true;
      toRun = List.copyOf(hooks);
    }
    HookRunner.runAll(toRun, phase);
  }
}
