package dev.greenroom.backend.runtime.internal.live;

import java.util.ArrayList;
import java.util.List;

/** Records what a machine asks for; runs and stops finish only when a test says so. */
final class FakeHost implements MachineHost {
  final List<RunPlan> starts = new ArrayList<>();
  final List<Long> stops = new ArrayList<>();
  final List<RunPlan> abandoned = new ArrayList<>();
  final List<String> transitions = new ArrayList<>();
  final List<PluginRun> reports = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  /** What the machine's snapshot said about the run when the run was handed over. */
  final List<RunPlan> runInSnapshotAtStart = new ArrayList<>();
  PluginMachine machine;
  /** What {@link #launchStillStarting()} answers. */
  boolean launchStillStarting;

  @Override
  public void startRun(RunPlan plan) {
    starts.add(plan);
    if (machine != null) {
      runInSnapshotAtStart.add(machine.snapshot().run());
    }
  }

  @Override
  public void stopRun(String pluginId, long runId) {
    stops.add(runId);
  }

  @Override
  public PluginRun abandonRun(RunPlan plan, long timeoutMillis) {
    abandoned.add(plan);
    return new PluginRun(plan.pluginId(),
        new IllegalStateException(Messages.initTimedOut(plan.pluginId(), null, timeoutMillis)), timeoutMillis, List.of());
  }

  @Override
  public void stateChanged(String pluginId, PluginState from, PluginState to, String reason) {
    transitions.add(from + "->" + to);
  }

  @Override
  public void runReported(PluginRun run) {
    reports.add(run);
  }

  @Override
  public void problem(String pluginId, String message) {
    problems.add(message);
  }

  @Override
  public boolean launchStillStarting() {
    return launchStillStarting;
  }

  RunPlan lastStart() {
    return starts.get(starts.size() - 1);
  }

  List<String> moduleIdsOfLastStart() {
    return lastStart().modules().stream().map(Contribution::moduleId).toList();
  }
}
