package dev.greenroom.backend.runtime.internal.live;

import dev.greenroom.backend.api.spi.RegistrationsFeature;
import dev.greenroom.backend.runtime.internal.wiring.PluginInitListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Carries out a {@link PluginMachine}'s runs on a {@link LiveBackend}: each init and each stop on
 * a thread of {@code executor}, never on the machine's queue, and watches which init is in progress
 * so a run that times out can name the module (or plugin) that hangs.
 */
public final class PluginRuns {
  private final LiveBackend backend;
  private final Executor executor;
  private final Map<Long, Active> active = new ConcurrentHashMap<>();

  public PluginRuns(LiveBackend backend, Executor executor) {
    this.backend = backend;
    this.executor = executor;
  }

  /**
   * Starts {@code plan}; {@code done} gets the result unless the run was abandoned first, or never
   * began because the backend is stopping (LiveBackend.startPlugin: nothing to report, and a failed
   * start would be a false error in the shutdown's log).
   */
  public void start(RunPlan plan, Consumer<PluginRun> done) {
    Active run = new Active();
    active.put(plan.runId(), run);
    executor.execute(() -> {
      run.thread = Thread.currentThread();
      PluginRun result;
      try {
        List<RegistrationsFeature> modules = new ArrayList<>();
        plan.modules().forEach(m -> modules.add(m.feature()));
        result = backend.startPlugin(plan.pluginId(), plan.plugin().feature(), modules, run);
      } catch (RuntimeException | Error e) {
        result = new PluginRun(plan.pluginId(), e, 0, List.of());
      } finally {
        run.thread = null;
        active.remove(plan.runId());
        Thread.interrupted(); // an abandon's interrupt must not leak into the pool's next task
      }
      if (result != null && !run.abandoned) {
        done.accept(result);
      }
    });
  }

  /**
   * Gives up on a run whose init did not return in time: interrupts it and reports the init that
   * was in progress as timed out. The run's later result, if it ever comes, is dropped.
   */
  public PluginRun abandon(RunPlan plan, long timeoutMillis) {
    Active run = active.remove(plan.runId());
    String hung = null;
    boolean pluginHung = true;
    List<PluginRun.ModuleRun> modules = new ArrayList<>();
    if (run != null) {
      run.abandoned = true;
      // what had returned before the interrupt: the interrupt itself makes the hung init return
      Set<String> returned = Set.copyOf(run.returned);
      Set<String> called = Set.copyOf(run.called);
      Thread t = run.thread;
      if (t != null) {
        t.interrupt();
      }
      int order = 0;
      for (Contribution m : plan.modules()) {
        if (returned.contains(m.moduleId())) {
          modules.add(new PluginRun.ModuleRun(m.moduleId(), null, order++, 0));
        } else if (called.contains(m.moduleId())) {
          hung = m.moduleId();
          pluginHung = false;
          modules.add(new PluginRun.ModuleRun(m.moduleId(),
              new IllegalStateException(Messages.initTimedOut(plan.pluginId(), hung, timeoutMillis)), order++, timeoutMillis));
        }
      }
    }
    String message = Messages.initTimedOut(plan.pluginId(), pluginHung ? null : hung, timeoutMillis);
    return new PluginRun(plan.pluginId(), new IllegalStateException(message), timeoutMillis, modules);
  }

  /** Stops the plugin's run; {@code done} runs afterwards, whatever its shutdown hooks did. */
  public void stop(String pluginId, Runnable done) {
    executor.execute(() -> {
      try {
        backend.stopPlugin(pluginId);
      } finally {
        done.run();
      }
    });
  }

  /** One run in progress: its thread and which inits were called and returned. */
  private static final class Active implements PluginInitListener {
    private static final String PLUGIN = "";
    final Set<String> called = ConcurrentHashMap.newKeySet();
    final Set<String> returned = ConcurrentHashMap.newKeySet();
    volatile Thread thread;
    volatile boolean abandoned;

    @Override
    public void onInitCalled(String pluginId, String moduleId) {
      called.add(moduleId == null ? PLUGIN : moduleId);
    }

    @Override
    public void onInitReturned(String pluginId, String moduleId) {
      returned.add(moduleId == null ? PLUGIN : moduleId);
    }

    @Override
    public void onModuleResult(String pluginId, String moduleId, Throwable error, int order, long millis) {}

    @Override
    public void onPluginResult(String pluginId, Throwable error, long millis) {}
  }
}
