package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.PluginReady;
import java.time.Duration;
import java.util.List;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * A bundle that declares a module (capability) but never registers its BackendFeature service: the
 * coordinator waits {@code greenroom.module.timeout} (2000 ms here), then starts the plugin without
 * it and records a module boot failure naming the bundle. For a running plugin ({@code example})
 * the wait happens while it keeps running; for a plugin at its first start ({@code waiter}) it
 * waits in WAITING_FOR_MODULES.
 */
public class SilentModuleIT extends RuntimeStateSupport {
  // Log lines: each module timeout is logged once, when the wait runs out, naming the bundle.
  static final long MODULE_TIMEOUT_MS = 2000;
  /** Long enough for the module timeout plus a restart. */
  static final Duration AFTER_TIMEOUT = Duration.ofMillis(MODULE_TIMEOUT_MS).plus(TIMEOUT);

  @Override
  protected Option[] extraOptions() {
    return new Option[] {frameworkProperty("greenroom.module.timeout").value(String.valueOf(MODULE_TIMEOUT_MS))};
  }

  @Test
  public void runningPluginRecordsASilentModuleAsTimedOutWithoutARestart() throws Exception {
    // the timeout on the running plugin, naming the bundle
    expectLog(logLine("ERROR", "backstage", "Module 'silent' for plugin 'example' was declared by bundle dev\\.greenroom\\.fixtures\\.silent\\.module "
        + "\\S+ \\[\\d+\\] but its BackendFeature service was not registered within " + MODULE_TIMEOUT_MS + " ms$"));
    GreenroomRuntime runtime = runtime();
    PluginDTO before = awaitRunning("example");

    long installedAt = System.currentTimeMillis();
    Bundle silent = installFixture("silent-module");
    String silentName = bundleName(silent);
    try {
      assertEquals("dev.greenroom.fixtures.silent.module", silent.getSymbolicName());

      // within the timeout: example keeps running (same run), the module is awaited
      DiagnosisDTO waiting = awaitDiagnosis("example", "WAITING_FOR_MODULE",
          d -> has(d, ReasonCode.WAITING_FOR_MODULE), Duration.ofMillis(MODULE_TIMEOUT_MS / 2));
      assertTrue("still within the timeout", System.currentTimeMillis() - installedAt < MODULE_TIMEOUT_MS);
      assertEquals(FeatureState.RUNNING, waiting.state());
      Reason awaited = onlyReason(waiting, ReasonCode.WAITING_FOR_MODULE);
      assertEquals(silentName, awaited.subject());
      assertTrue(awaited.message(), awaited.message().startsWith(
          "Waiting for module 'silent' of bundle " + silentName + " to register its BackendFeature service"));
      assertFalse(has(waiting, ReasonCode.MODULE_TIMED_OUT));
      PluginDTO meanwhile = runtime.plugin("example").orElseThrow();
      assertEquals(FeatureState.RUNNING, meanwhile.state());
      assertEquals(before.startedAt(), meanwhile.startedAt());
      assertEquals(List.of("greetings", "tags", "silent"), moduleIds(meanwhile));
      assertEquals(new ModuleDTO("example", "silent", FeatureState.WAITING_FOR_MODULES, silentName, -1, null, -1),
          module(meanwhile, "silent"));
      assertEquals(FeatureState.RUNNING, module(meanwhile, "greetings").state());

      // after the timeout: restarted without it, the failure names the bundle
      DiagnosisDTO timedOut = awaitDiagnosis("example", "MODULE_TIMED_OUT",
          d -> has(d, ReasonCode.MODULE_TIMED_OUT), AFTER_TIMEOUT);
      String expected = "Module 'silent' for plugin 'example' was declared by bundle " + silentName
          + " but its BackendFeature service was not registered within " + MODULE_TIMEOUT_MS + " ms";
      assertEquals(new Reason(ReasonCode.MODULE_TIMED_OUT, "silent", expected),
          onlyReason(timedOut, ReasonCode.MODULE_TIMED_OUT));
      assertTrue(expected.startsWith("Module 'silent' for plugin 'example' was declared by bundle dev.greenroom.fixtures.silent.module "));
      assertFalse("the timeout is not also reported as a module failure", has(timedOut, ReasonCode.MODULE_FAILED));
      assertFalse("no longer waiting", has(timedOut, ReasonCode.WAITING_FOR_MODULE));

      // recorded on the running plugin, without a restart: nothing it runs with changed
      PluginDTO after = awaitPlugin("example", "silent recorded as failed", p -> p.state() == FeatureState.RUNNING
          && moduleIds(p).contains("silent") && module(p, "silent").state() == FeatureState.FAILED, TIMEOUT);
      assertEquals("no restart for a module that never came", before.startedAt(), after.startedAt());
      assertNull(after.cause());
      assertEquals(List.of("greetings", "tags", "silent"), moduleIds(after));
      assertEquals(FeatureState.RUNNING, module(after, "greetings").state());
      assertEquals(FeatureState.RUNNING, module(after, "tags").state());
      ModuleDTO failed = module(after, "silent");
      assertEquals(FeatureState.FAILED, failed.state());
      assertEquals(silentName, failed.bundle());
      assertEquals("Error: " + expected, failed.cause());
      awaitService(PluginReady.class, "(" + FeatureNamespace.PLUGIN_ID + "=example)", TIMEOUT);

      // no second restart for the same silent module
      assertStays("example's startedAt", after.startedAt(), startedAtOf("example"), Duration.ofMillis(300));

      // a module that already timed out does not hold up the next restart: module extra arrives
      // and example restarts with it at once, still reporting silent as timed out
      long extraInstalledAt = System.currentTimeMillis();
      Bundle extra = installFixture("extra-module");
      try {
        PluginDTO withExtra = awaitPlugin("example", "restarted with module extra",
            p -> p.state() == FeatureState.RUNNING && moduleIds(p).contains("extra")
                && module(p, "extra").state() == FeatureState.RUNNING,
            Duration.ofMillis(MODULE_TIMEOUT_MS * 3 / 4));
        assertTrue("restarted " + (withExtra.startedAt() - extraInstalledAt) + " ms after extra arrived",
            withExtra.startedAt() - extraInstalledAt < MODULE_TIMEOUT_MS / 2);
        assertEquals(FeatureState.FAILED, module(withExtra, "silent").state());
        DiagnosisDTO withExtraDiagnosis = runtime.diagnose("example");
        assertEquals(List.of(new Reason(ReasonCode.MODULE_TIMED_OUT, "silent", expected)),
            withExtraDiagnosis.reasons());
      } finally {
        extra.uninstall();
      }
      awaitPlugin("example", "RUNNING without module extra",
          p -> p.state() == FeatureState.RUNNING && !moduleIds(p).contains("extra"), TIMEOUT);
    } finally {
      silent.uninstall();
    }

    // the silent bundle leaves: example restarts once more, clean
    PluginDTO clean = awaitPlugin("example", "RUNNING without module silent",
        p -> p.state() == FeatureState.RUNNING && moduleIds(p).equals(List.of("greetings", "tags")), TIMEOUT);
    assertNull(clean.cause());
    assertEquals(List.of(ReasonCode.RUNNING), codes(runtime.diagnose("example")));
  }

  @Test
  public void newPluginWaitsForItsSilentModuleThenStartsWithoutIt() throws Exception {
    // the timeout, naming the bundle: the module boot failure this test is about
    expectLog(logLine("ERROR", "backstage", "Module 'silent' for plugin 'waiter' was declared by bundle "
        + "dev\\.greenroom\\.fixtures\\.waiter\\.silent\\.module \\S+ \\[\\d+\\] but its BackendFeature service was not registered within "
        + MODULE_TIMEOUT_MS + " ms$"));
    GreenroomRuntime runtime = runtime();
    // the module's bundle first, so the plugin knows about the module before its service arrives
    Bundle silent = installFixture("waiter-silent-module");
    Bundle waiter = installFixture("waiter-plugin");
    String silentName = bundleName(silent);
    String waiterName = bundleName(waiter);
    try {
      assertEquals("dev.greenroom.fixtures.waiter.silent.module", silent.getSymbolicName());

      PluginDTO waiting = awaitPlugin("waiter", "WAITING_FOR_MODULES with its feature registered",
          p -> p.state() == FeatureState.WAITING_FOR_MODULES
              && !has(runtime.diagnose("waiter"), ReasonCode.PLUGIN_FEATURE_MISSING),
          Duration.ofMillis(MODULE_TIMEOUT_MS / 2));
      assertEquals(waiterName, waiting.bundle());
      assertEquals(-1, waiting.startedAt());
      assertNull(waiting.cause());
      assertEquals(List.of(new ModuleDTO("waiter", "silent", FeatureState.WAITING_FOR_MODULES, silentName, -1, null, -1)),
          waiting.modules());

      DiagnosisDTO diagnosis = runtime.diagnose("waiter");
      assertEquals(FeatureState.WAITING_FOR_MODULES, diagnosis.state());
      assertEquals(List.of(ReasonCode.WAITING_FOR_MODULE), codes(diagnosis));
      Reason awaited = diagnosis.reasons().get(0);
      assertEquals(silentName, awaited.subject());
      assertTrue(awaited.message(), awaited.message().startsWith(
          "Waiting for module 'silent' of bundle " + silentName + " to register its BackendFeature service (waiting "));
      assertTrue(awaited.message(), awaited.message().endsWith(" ms of " + MODULE_TIMEOUT_MS + " ms)"));
      assertTrue("no PluginReady while waiting",
          context.getServiceReferences(PluginReady.class, "(" + FeatureNamespace.PLUGIN_ID + "=waiter)").isEmpty());

      PluginDTO running = awaitPlugin("waiter", "RUNNING", p -> p.state() == FeatureState.RUNNING, AFTER_TIMEOUT);
      assertEquals(waiterName, running.bundle());
      assertNull(running.cause());
      String expected = "Module 'silent' for plugin 'waiter' was declared by bundle " + silentName
          + " but its BackendFeature service was not registered within " + MODULE_TIMEOUT_MS + " ms";
      assertEquals(List.of(new ModuleDTO("waiter", "silent", FeatureState.FAILED, silentName, 0, "Error: " + expected, 0)),
          running.modules());
      DiagnosisDTO failed = runtime.diagnose("waiter");
      assertEquals(FeatureState.RUNNING, failed.state());
      assertEquals(List.of(new Reason(ReasonCode.MODULE_TIMED_OUT, "silent", expected)), failed.reasons());
      awaitService(PluginReady.class, "(" + FeatureNamespace.PLUGIN_ID + "=waiter)", TIMEOUT);
    } finally {
      waiter.uninstall();
      silent.uninstall();
    }
    await("waiter forgotten", () -> runtime.plugin("waiter").isEmpty(), TIMEOUT);
  }
}
