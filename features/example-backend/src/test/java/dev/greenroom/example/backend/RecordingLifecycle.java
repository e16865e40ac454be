package dev.greenroom.example.backend;

import dev.greenroom.backend.api.services.LifecycleHook;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.LoggerService;
import java.util.ArrayList;
import java.util.List;

/** A {@link LifecycleService} that keeps the hooks so a test can run them. */
final class RecordingLifecycle implements LifecycleService {
  final List<LifecycleHook> startupHooks = new ArrayList<>();
  final List<LifecycleHook> shutdownHooks = new ArrayList<>();

  @Override
  public void addStartupHook(LifecycleHook hook) {
    startupHooks.add(hook);
  }

  @Override
  public void addStartupHook(LifecycleHook hook, LoggerService logger) {
    startupHooks.add(hook);
  }

  @Override
  public void addShutdownHook(LifecycleHook hook) {
    shutdownHooks.add(hook);
  }

  @Override
  public void addShutdownHook(LifecycleHook hook, LoggerService logger) {
    shutdownHooks.add(hook);
  }

  void runShutdownHooks() throws Exception {
    for (LifecycleHook hook : shutdownHooks) {
      hook.run();
    }
  }
}
