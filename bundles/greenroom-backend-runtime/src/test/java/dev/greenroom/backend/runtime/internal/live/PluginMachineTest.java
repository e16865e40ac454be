package dev.greenroom.backend.runtime.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per transition of {@link PluginMachine}, with a fake host and clock. */
class PluginMachineTest {
  static final long MODULE_TIMEOUT = 10_000;
  static final long INIT_TIMEOUT = 60_000;

  final FakeHost host = new FakeHost();
  final FakeClock clock = new FakeClock();
  final PluginMachine machine = new PluginMachine("todo", host, clock, MODULE_TIMEOUT, INIT_TIMEOUT);

  static Contribution plugin(long serviceId, long bundleId) {
    return new Contribution(null, "todo", null, bundleId, "todo-backend [" + bundleId + "]", serviceId, 0);
  }

  static Contribution plugin(long serviceId, long bundleId, int ranking) {
    return new Contribution(null, "todo", null, bundleId, "todo-backend-" + bundleId + " [" + bundleId + "]", serviceId, ranking);
  }

  static Contribution module(String id, long serviceId, long bundleId) {
    return new Contribution(null, "todo", id, bundleId, "todo-module-" + id + " [" + bundleId + "]", serviceId, 0);
  }

  static Declaration declares(String moduleId, long bundleId) {
    return new Declaration("todo", moduleId, bundleId, "todo-module-" + moduleId + " [" + bundleId + "]", null);
  }

  void finishLastRun() {
    RunPlan plan = host.lastStart();
    List<PluginRun.ModuleRun> modules = new ArrayList<>();
    for (Contribution m : plan.modules()) {
      modules.add(new PluginRun.ModuleRun(m.moduleId(), null, modules.size(), 1));
    }
    machine.runFinished(plan.runId(), new PluginRun("todo", null, 2, modules));
  }

  void finishLastStop() {
    machine.stopFinished(host.stops.get(host.stops.size() - 1));
  }

  /** Plugin with module {@code validator} (bundle 11) running as run 1. */
  void runningWithValidator() {
    machine.rootReady();
    machine.declared(declares("validator", 11));
    machine.registered(plugin(100, 10));
    machine.registered(module("validator", 101, 11));
    finishLastRun();
    assertEquals(PluginState.RUNNING, machine.state());
  }

  @Test
  void nothingStartsBeforeRootServices() {
    machine.registered(plugin(100, 10));
    assertTrue(host.starts.isEmpty());
    machine.rootReady();
    assertEquals(1, host.starts.size());
    assertEquals(PluginState.STARTING, machine.state());
  }

  @Test
  void aPluginAloneStartsAndRuns() {
    machine.rootReady();
    machine.registered(plugin(100, 10));
    finishLastRun();
    assertEquals(PluginState.RUNNING, machine.state());
    assertEquals(List.of("STOPPED->STARTING", "STARTING->RUNNING"), host.transitions);
    assertEquals(1, host.reports.size());
    assertNull(host.reports.get(0).error());
    assertEquals(0, clock.armed(), "the init timer is cancelled when the init finishes");
  }

  @Test
  void aPluginWaitsForAModuleDeclaredByAnInstalledBundle() {
    // FileInstall's batch: both bundles installed, the plugin's service registers first
    machine.rootReady();
    machine.declared(declares("validator", 11));
    machine.registered(plugin(100, 10));
    assertTrue(host.starts.isEmpty(), "the plugin must not initialise before its declared module registered");
    assertEquals(PluginState.WAITING_FOR_MODULES, machine.state());
    machine.registered(module("validator", 101, 11));
    assertEquals(1, host.starts.size());
    assertEquals(List.of("validator"), host.moduleIdsOfLastStart());
  }

  @Test
  void aModuleThatNeverRegistersTimesOutAndThePluginStartsWithoutIt() {
    machine.rootReady();
    machine.declared(declares("validator", 11));
    machine.registered(plugin(100, 10));
    clock.advance(MODULE_TIMEOUT);
    assertEquals(1, host.starts.size());
    RunPlan plan = host.lastStart();
    assertTrue(plan.modules().isEmpty());
    String message = plan.timedOutModules().get("validator");
    assertEquals("Module 'validator' for plugin 'todo' was declared by bundle todo-module-validator [11] but its"
        + " BackendFeature service was not registered within 10000 ms", message);
    assertEquals(List.of(message), host.problems);
    finishLastRun();
    PluginRun reported = host.reports.get(0);
    assertEquals("validator", reported.modules().get(0).moduleId());
    assertEquals(message, reported.modules().get(0).error().getMessage());
  }

  @Test
  void theWaitForADeclaredModuleDoesNotExpireWhileTheLaunchIsStillStartingBundles() {
    host.launchStillStarting = true;
    machine.rootReady();
    machine.declared(declares("validator", 11));
    machine.registered(plugin(100, 10));
    clock.advance(MODULE_TIMEOUT);
    clock.advance(MODULE_TIMEOUT);
    assertTrue(host.starts.isEmpty(), "no start without the module while the launch batch is starting");
    assertEquals(PluginState.WAITING_FOR_MODULES, machine.state());
    // the launch's batch gets to the module: the plugin starts with it, nothing timed out
    machine.registered(module("validator", 101, 11));
    assertEquals(List.of("validator"), host.moduleIdsOfLastStart());
    assertTrue(host.lastStart().timedOutModules().isEmpty());
    assertTrue(host.problems.isEmpty());
  }

  @Test
  void onceTheLaunchHasStartedItsBundlesTheWaitExpiresOneTimeoutLater() {
    host.launchStillStarting = true;
    machine.rootReady();
    machine.declared(declares("validator", 11));
    machine.registered(plugin(100, 10));
    clock.advance(MODULE_TIMEOUT);
    host.launchStillStarting = false;
    clock.advance(MODULE_TIMEOUT);
    assertEquals(1, host.starts.size());
    assertTrue(host.lastStart().modules().isEmpty());
    assertTrue(host.lastStart().timedOutModules().containsKey("validator"));
  }

  @Test
  void theTimeoutMessageCarriesTheBundlesResolutionProblem() {
    machine.rootReady();
    machine.declared(new Declaration("todo", "validator", 11, "v [11]", "missing requirement osgi.wiring.package=foo"));
    machine.registered(plugin(100, 10));
    clock.advance(MODULE_TIMEOUT);
    assertTrue(host.lastStart().timedOutModules().get("validator").endsWith(": missing requirement osgi.wiring.package=foo"));
  }

  @Test
  void updatingAModuleRestartsThePluginExactlyOnceWithoutServingInBetween() {
    runningWithValidator();
    // bundle update: the service leaves, the bundle stays installed (still declared)
    machine.unregistered(101);
    assertEquals(PluginState.STOPPING, machine.state());
    assertEquals(List.of(1L), host.stops);
    finishLastStop();
    assertEquals(PluginState.WAITING_FOR_MODULES, machine.state(), "waits for the new module, never starts without it");
    assertEquals(1, host.starts.size());
    machine.registered(module("validator", 102, 11));
    assertEquals(2, host.starts.size());
    assertEquals(102, host.lastStart().modules().get(0).serviceId());
    finishLastRun();
    assertFalse(host.transitions.contains("STOPPING->STOPPED"), "no moment without a pending start: " + host.transitions);
    assertFalse(host.transitions.stream().anyMatch(t -> t.endsWith("->STOPPED")), host.transitions.toString());
  }

  @Test
  void removingAModuleRestartsThePluginOnceWithoutIt() {
    runningWithValidator();
    machine.unregistered(101); // the bundle stops...
    finishLastStop();
    machine.withdrawn(11); // ...and is uninstalled
    assertEquals(2, host.starts.size());
    assertTrue(host.lastStart().modules().isEmpty());
    assertTrue(host.lastStart().timedOutModules().isEmpty());
  }

  @Test
  void aModuleArrivingWhileThePluginRunsRestartsItOnceItRegistered() {
    runningWithValidator();
    machine.declared(declares("audit", 12)); // installed, not started yet
    assertEquals(PluginState.RUNNING, machine.state(), "keeps serving with the old set until the new module is there");
    assertTrue(host.stops.isEmpty());
    machine.registered(module("audit", 103, 12));
    assertEquals(List.of(1L), host.stops);
    finishLastStop();
    assertEquals(2, host.starts.size());
    assertEquals(List.of("validator", "audit"), host.moduleIdsOfLastStart());
  }

  @Test
  void aModuleArrivingWhileRunningThatNeverRegistersIsRecordedWithoutARestart() {
    runningWithValidator();
    machine.declared(declares("audit", 12));
    clock.advance(MODULE_TIMEOUT);
    assertTrue(host.stops.isEmpty());
    assertEquals(PluginState.RUNNING, machine.state());
    assertEquals(1, host.problems.size());
    assertTrue(machine.snapshot().run().timedOutModules().containsKey("audit"));
    machine.registered(plugin(999, 99, -5)); // any later event: still no restart, no second report
    assertTrue(host.stops.isEmpty());
    assertEquals(1, host.problems.stream().filter(p -> p.startsWith("Module 'audit'")).count());
    machine.registered(module("audit", 103, 12)); // it registers after all: one restart with it
    assertEquals(List.of(1L), host.stops);
  }

  @Test
  void modulesRunInRegistrationOrderBundleIdThenServiceId() {
    machine.rootReady();
    machine.registered(module("mod-c", 300, 30));
    machine.registered(module("mod-a", 301, 20));
    machine.registered(module("mod-b", 302, 20));
    machine.registered(plugin(100, 10));
    assertEquals(List.of("mod-a", "mod-b", "mod-c"), host.moduleIdsOfLastStart());
  }

  @Test
  void ofTwoPluginsTheHighestRankingRunsAndTheOtherIsReportedOnceNamingBothBundles() {
    machine.rootReady();
    machine.registered(plugin(100, 10, 0));
    machine.registered(plugin(200, 20, 5));
    // the first start began with service 100; 200 outranks it: once the start finishes, swap
    finishLastRun();
    assertEquals(List.of(1L), host.stops);
    finishLastStop();
    assertEquals(200, host.lastStart().plugin().serviceId());
    assertEquals(List.of("Plugin 'todo' is already registered; bundle todo-backend-10 [10] was refused,"
        + " bundle todo-backend-20 [20] keeps it"), host.problems);
    machine.registered(module("x", 300, 30)); // later events do not report it again
    assertEquals(1, host.problems.size());
  }

  @Test
  void withEqualRankingTheLowestServiceIdWins() {
    machine.rootReady();
    machine.registered(module("m", 301, 31));
    machine.registered(module("m", 300, 30));
    machine.registered(plugin(100, 10));
    assertEquals(300, host.lastStart().modules().get(0).serviceId());
    assertEquals(List.of("Module 'm' for plugin 'todo' is already registered; bundle todo-module-m [31] was refused,"
        + " bundle todo-module-m [30] keeps it"), host.problems);
    assertEquals(1, machine.snapshot().shadows().size());
  }

  @Test
  void whenTheWinningDuplicateLeavesTheOtherTakesOver() {
    machine.rootReady();
    machine.registered(plugin(100, 10));
    machine.registered(plugin(200, 20));
    finishLastRun();
    machine.unregistered(100);
    finishLastStop();
    assertEquals(200, host.lastStart().plugin().serviceId());
    finishLastRun();
    assertTrue(machine.snapshot().shadows().isEmpty());
  }

  @Test
  void aHungInitTimesOutAndTheLateResultIsIgnored() {
    runningWithValidator();
    machine.declared(declares("hang", 12));
    machine.registered(module("hang", 103, 12));
    finishLastStop();
    RunPlan hung = host.lastStart();
    clock.advance(INIT_TIMEOUT);
    assertEquals(List.of(hung), host.abandoned);
    assertEquals(PluginState.FAILED, machine.state());
    PluginRun reported = host.reports.get(host.reports.size() - 1);
    assertEquals("Plugin 'todo' init timed out after 60000 ms (backend.startup.initTimeout)", reported.error().getMessage());
    machine.runFinished(hung.runId(), new PluginRun("todo", null, 1, List.of()));
    assertEquals(PluginState.FAILED, machine.state(), "an abandoned run's result must not revive it");
  }

  @Test
  void removingTheHungModuleRecoversThePlugin() {
    aHungInitTimesOutAndTheLateResultIsIgnored();
    int starts = host.starts.size();
    machine.unregistered(103);
    assertEquals(PluginState.STOPPING, machine.state());
    finishLastStop();
    machine.withdrawn(12);
    assertEquals(starts + 1, host.starts.size());
    assertEquals(List.of("validator"), host.moduleIdsOfLastStart());
    finishLastRun();
    assertEquals(PluginState.RUNNING, machine.state());
  }

  @Test
  void changesDuringAStartTakeEffectWhenItFinishes() {
    machine.rootReady();
    machine.declared(declares("validator", 11));
    machine.registered(plugin(100, 10));
    machine.registered(module("validator", 101, 11));
    machine.unregistered(101); // during the init
    assertTrue(host.stops.isEmpty(), "an init in progress is not interrupted by a change");
    finishLastRun();
    assertEquals(List.of(1L), host.stops);
  }

  @Test
  void aRestartRequestStopsAndStartsAgainAndTellsWhenTheNewRunFinished() {
    runningWithValidator();
    List<Boolean> done = new ArrayList<>();
    machine.restartRequested(done::add);
    assertEquals(List.of(1L), host.stops);
    finishLastStop();
    assertEquals(2, host.starts.size());
    assertTrue(done.isEmpty());
    finishLastRun();
    assertEquals(List.of(true), done);
  }

  @Test
  void aRestartRequestWithoutAPluginAnswersFalse() {
    machine.rootReady();
    machine.registered(module("validator", 101, 11));
    List<Boolean> done = new ArrayList<>();
    machine.restartRequested(done::add);
    assertEquals(List.of(false), done);
    assertEquals(PluginState.IDLE, machine.state());
  }

  @Test
  void aFailedInitStaysFailedUntilSomethingChanges() {
    machine.rootReady();
    machine.registered(plugin(100, 10));
    RunPlan plan = host.lastStart();
    machine.runFinished(plan.runId(), new PluginRun("todo", new IllegalStateException("boom"), 1, List.of()));
    assertEquals(PluginState.FAILED, machine.state());
    clock.advance(INIT_TIMEOUT * 2);
    assertEquals(1, host.starts.size());
    machine.registered(module("fix", 101, 11));
    finishLastStop();
    assertEquals(2, host.starts.size());
  }

  @Test
  void aDeclaredPluginThatNeverRegistersFailsOnceWithItsBundleNamed() {
    machine.rootReady();
    machine.declared(new Declaration("todo", null, 10, "todo-backend [10]", null));
    assertEquals(PluginState.WAITING_FOR_MODULES, machine.state());
    clock.advance(MODULE_TIMEOUT);
    assertEquals(PluginState.FAILED, machine.state());
    assertEquals("Plugin 'todo' was declared by bundle todo-backend [10] but its BackendFeature service was not"
        + " registered within 10000 ms", host.reports.get(0).error().getMessage());
    machine.declared(declares("late", 11));
    assertEquals(1, host.reports.size());
  }

  @Test
  void modulesWithoutPluginAreIdleAndThePluginLeavingMakesThemIdle() {
    machine.rootReady();
    machine.registered(module("validator", 101, 11));
    assertEquals(PluginState.IDLE, machine.state());
    machine.registered(plugin(100, 10));
    finishLastRun();
    machine.unregistered(100);
    finishLastStop();
    assertEquals(PluginState.IDLE, machine.state());
    machine.unregistered(101);
    assertEquals(PluginState.STOPPED, machine.state());
    assertTrue(machine.snapshot().isEmpty());
  }

  @Test
  void afterHaltNothingStartsAndWaitersHearFalse() {
    runningWithValidator();
    List<Boolean> done = new ArrayList<>();
    machine.restartRequested(done::add);
    machine.halt();
    assertEquals(List.of(false), done);
    finishLastStop();
    assertEquals(1, host.starts.size());
    machine.registered(module("more", 200, 20));
    assertEquals(1, host.starts.size());
  }

  @Test
  void staleCompletionsAreIgnored() {
    runningWithValidator();
    machine.stopFinished(7);
    machine.runFinished(7, new PluginRun("todo", new IllegalStateException("x"), 1, List.of()));
    machine.initTimedOut(1);
    assertEquals(PluginState.RUNNING, machine.state());
    assertTrue(host.abandoned.isEmpty());
  }

  @Test
  void theSnapshotShowsWhatIsAwaitedAndSince() {
    machine.rootReady();
    machine.declared(declares("validator", 11));
    machine.registered(plugin(100, 10));
    PluginSnapshot s = machine.snapshot();
    assertEquals(PluginState.WAITING_FOR_MODULES, s.state());
    assertNotNull(s.awaited().get("validator"));
    assertEquals(clock.millis(), s.waitingSince());
    assertEquals(100, s.plugin().serviceId());
  }

  @Test
  void aModuleThatAlreadyTimedOutDoesNotHoldUpTheNextRestart() {
    machine.rootReady();
    machine.declared(declares("silent", 11));
    machine.registered(plugin(100, 10));
    clock.advance(MODULE_TIMEOUT);
    finishLastRun();
    machine.declared(declares("extra", 12));
    machine.registered(module("extra", 103, 12));
    finishLastStop();
    assertEquals(2, host.starts.size(), "restarted with extra at once, not after another wait for silent");
    assertEquals(List.of("extra"), host.moduleIdsOfLastStart());
    assertTrue(host.lastStart().timedOutModules().containsKey("silent"), "still reported as timed out");
    assertEquals(1, host.problems.size(), "reported once");
    machine.withdrawn(11);
    machine.declared(declares("silent", 11)); // installed again: a new chance, a new wait
    assertEquals(PluginState.STARTING, machine.state());
  }

  @Test
  void aTimeoutRecordedOnARunningPluginShowsTheModuleAsFailed() {
    runningWithValidator();
    machine.declared(declares("audit", 12));
    clock.advance(MODULE_TIMEOUT);
    PluginRun.ModuleRun audit = machine.snapshot().result().modules().stream()
        .filter(m -> m.moduleId().equals("audit")).findFirst().orElseThrow();
    assertTrue(audit.error().getMessage().startsWith("Module 'audit' for plugin 'todo' was declared by bundle"));
    machine.withdrawn(12); // the silent bundle is uninstalled: forgotten, still no restart
    assertTrue(machine.snapshot().run().timedOutModules().isEmpty());
    assertEquals(List.of("validator"), machine.snapshot().result().modules().stream().map(PluginRun.ModuleRun::moduleId).toList());
    assertTrue(host.stops.isEmpty());
  }

  @Test
  void theRunIsInTheSnapshotBeforeItIsHandedOver() {
    // the OSGi layer publishes extension points on behalf of the run's bundles, read from the snapshot
    host.machine = machine;
    machine.rootReady();
    machine.registered(plugin(100, 10));
    assertEquals(host.starts.get(0), host.runInSnapshotAtStart.get(0));
  }

  /** Plugin (bundle 10) and module {@code validator} (bundle 11), both declared, running as run 1; quiet period 250 ms. */
  PluginMachine runningWithEveryFeatureDeclared() {
    PluginMachine settling = new PluginMachine("todo", host, clock, MODULE_TIMEOUT, () -> INIT_TIMEOUT, 250);
    settling.rootReady();
    settling.declared(new Declaration("todo", null, 10, "todo-backend [10]", null));
    settling.declared(declares("validator", 11));
    settling.registered(plugin(100, 10));
    settling.registered(module("validator", 101, 11));
    settling.runFinished(1, new PluginRun("todo", null, 1, List.of()));
    return settling;
  }

  @Test
  void anUpdateRestartsThePluginOnceWhenItsRefreshComesAndNotBefore() {
    PluginMachine settling = runningWithEveryFeatureDeclared();
    assertEquals(1, host.starts.size(), "the first start does not wait");

    settling.unregistered(101); // FileInstall stops the bundle transiently...
    settling.stopFinished(1);
    settling.refreshPending(true); // ...updates it...
    settling.registered(module("validator", 102, 11)); // ...the launcher's start level starts it...
    clock.advance(5);
    settling.unregistered(102); // ...the refresh stops...
    clock.advance(5);
    settling.registered(module("validator", 103, 11)); // ...and starts it again
    assertEquals(1, host.starts.size(), "no start while the update awaits its refresh");
    assertEquals(PluginState.WAITING_FOR_MODULES, settling.state());
    clock.advance(10);
    settling.refreshPending(false); // PACKAGES_REFRESHED
    assertEquals(2, host.starts.size(), "the restart follows the refresh at once, not after the quiet period");
    assertEquals(103, host.lastStart().modules().get(0).serviceId());
    clock.advance(1_000);
    assertEquals(2, host.starts.size(), "exactly one restart for the update");
  }

  @Test
  void aRestartWithEveryFeatureDeclaredAndNoRefreshPendingDoesNotWaitForQuiet() {
    PluginMachine settling = runningWithEveryFeatureDeclared();

    settling.unregistered(101);
    settling.stopFinished(1);
    assertEquals(PluginState.WAITING_FOR_MODULES, settling.state(), "the declared module is awaited");
    settling.registered(module("validator", 102, 11));
    assertEquals(2, host.starts.size(), "the declared module is back: nothing else is coming");
  }

  @Test
  void anUpdateWhoseRefreshNeverComesRestartsAfterTheQuietPeriod() {
    PluginMachine settling = runningWithEveryFeatureDeclared();

    settling.refreshPending(true); // the shell's update, no refresh
    settling.unregistered(101);
    settling.stopFinished(1);
    settling.registered(module("validator", 102, 11));
    clock.advance(249);
    assertEquals(1, host.starts.size());
    clock.advance(1);
    assertEquals(2, host.starts.size(), "the wait for a refresh is bounded by the quiet period");
  }

  @Test
  void aFeatureNoBundleDeclaresStillRestartsOnlyAfterQuiet() {
    PluginMachine settling = new PluginMachine("todo", host, clock, MODULE_TIMEOUT, () -> INIT_TIMEOUT, 250);
    settling.rootReady();
    settling.declared(declares("validator", 11));
    settling.registered(plugin(100, 10)); // registered by code: bundle 10 declares nothing
    settling.registered(module("validator", 101, 11));
    settling.runFinished(1, new PluginRun("todo", null, 1, List.of()));

    settling.unregistered(101);
    settling.stopFinished(1);
    settling.registered(module("validator", 102, 11));
    clock.advance(5);
    settling.unregistered(102);
    clock.advance(5);
    settling.registered(module("validator", 103, 11));
    assertEquals(1, host.starts.size(), "nothing announces what an undeclared feature does next");
    clock.advance(250);
    assertEquals(2, host.starts.size(), "exactly one restart once quiet");
    assertEquals(103, host.lastStart().modules().get(0).serviceId());
  }

  @Test
  void aRestartAskedForByHandDoesNotWaitToSettle() {
    PluginMachine settling = new PluginMachine("todo", host, clock, MODULE_TIMEOUT, () -> INIT_TIMEOUT, 250);
    settling.rootReady();
    settling.registered(plugin(100, 10));
    settling.runFinished(1, new PluginRun("todo", null, 1, List.of()));
    clock.advance(1_000);
    settling.restartRequested(done -> {});
    settling.stopFinished(1);
    assertEquals(2, host.starts.size());
  }

  @Test
  void modulesThatTimedOutAreReportedInTheOrderTheirBundlesWereInstalled() {
    machine.rootReady();
    for (long bundle = 20; bundle < 30; bundle++) {
      machine.declared(declares("m" + bundle, bundle));
    }
    machine.registered(plugin(100, 10));
    clock.advance(MODULE_TIMEOUT);
    List<String> expected = new ArrayList<>();
    for (long bundle = 20; bundle < 30; bundle++) {
      expected.add("m" + bundle);
    }
    assertEquals(expected, List.copyOf(host.lastStart().timedOutModules().keySet()));
  }
}
