package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.PluginReady;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.time.Duration;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A second bundle providing plugin {@code example} (fixture {@code duplicate-plugin}) is refused:
 * {@code greenroom:diag example} says so, naming both bundles, and the original keeps running
 * without a restart. (What happens when the original leaves: {@link DuplicatePluginTakeoverIT}.)
 */
public class DuplicatePluginIT extends RuntimeStateSupport {
  static final String DUPLICATE_BSN = "dev.greenroom.fixtures.duplicate.plugin";

  @Test
  public void secondProviderIsRefusedAndTheFirstKeepsRunning() throws Exception {
    // the refusal, reported once with both bundles
    expectLog(logLine("ERROR", "backstage", "Plugin 'example' is already registered; bundle dev\\.greenroom\\.fixtures\\.duplicate\\.plugin "
        + "\\S+ \\[\\d+\\] was refused, bundle dev\\.greenroom\\.example\\.backend \\S+ \\[\\d+\\] keeps it$"));
    GreenroomRuntime runtime = runtime();
    PluginDTO before = awaitRunning("example");
    String original = bundleName(requireBundle(ExampleOrderIT.EXAMPLE_BSN));
    assertEquals(original, before.bundle());

    Bundle duplicate = installFixture("duplicate-plugin");
    try {
      assertEquals(DUPLICATE_BSN, duplicate.getSymbolicName());
      DiagnosisDTO diagnosis = awaitDiagnosis("example", "DUPLICATE_PLUGIN",
          d -> has(d, ReasonCode.DUPLICATE_PLUGIN), TIMEOUT);
      Reason refused = onlyReason(diagnosis, ReasonCode.DUPLICATE_PLUGIN);
      assertTrue(refused.message(), refused.message().startsWith("Plugin 'example' is already registered"));
      assertTrue(refused.message(), refused.message().contains(DUPLICATE_BSN));
      assertTrue(refused.message(), refused.message().contains(ExampleOrderIT.EXAMPLE_BSN + " "));
      assertEquals(
          new Reason(ReasonCode.DUPLICATE_PLUGIN, "example", "Plugin 'example' is already registered; bundle "
              + bundleName(duplicate) + " was refused, bundle " + original + " keeps it"),
          refused);
      assertEquals(FeatureState.RUNNING, diagnosis.state());
      assertEquals(List.of(ReasonCode.DUPLICATE_PLUGIN), codes(diagnosis));

      // the original keeps the plugin, and is not restarted
      assertStays("example's startedAt", before.startedAt(), startedAtOf("example"), Duration.ofMillis(500));
      PluginDTO during = runtime.plugin("example").orElseThrow();
      assertEquals(FeatureState.RUNNING, during.state());
      assertEquals(original, during.bundle());
      assertEquals(before, during);
      assertEquals(ExampleOrderIT.EXAMPLE_BSN, examplesService().getBundle().getSymbolicName());
      assertEquals(1, context.getServiceReferences(PluginReady.class, "(" + FeatureNamespace.PLUGIN_ID + "=example)").size());

      // a restart of example (a module arrives and leaves) still runs the original's plugin
      Bundle extra = installFixture("extra-module");
      PluginDTO restarted = awaitPlugin("example", "restarted with module extra",
          p -> p.state() == FeatureState.RUNNING && moduleIds(p).contains("extra")
              && module(p, "extra").state() == FeatureState.RUNNING, TIMEOUT);
      assertTrue(restarted.startedAt() > before.startedAt());
      assertEquals(original, restarted.bundle());
      assertEquals("the examples extension point belongs to the running plugin's bundle",
          ExampleOrderIT.EXAMPLE_BSN, examplesService().getBundle().getSymbolicName());
      assertTrue(has(runtime.diagnose("example"), ReasonCode.DUPLICATE_PLUGIN));
      extra.uninstall();
      PluginDTO withoutExtra = awaitPlugin("example", "restarted without module extra",
          p -> p.state() == FeatureState.RUNNING && !moduleIds(p).contains("extra")
              && p.startedAt() > restarted.startedAt(), TIMEOUT);
      assertEquals(original, withoutExtra.bundle());
      assertEquals(ExampleOrderIT.EXAMPLE_BSN, examplesService().getBundle().getSymbolicName());
    } finally {
      duplicate.uninstall();
    }

    // the refused bundle leaves: the reason goes, example is not restarted
    PluginDTO settled = runtime.plugin("example").orElseThrow();
    DiagnosisDTO after = awaitDiagnosis("example", "no DUPLICATE_PLUGIN",
        d -> !has(d, ReasonCode.DUPLICATE_PLUGIN), TIMEOUT);
    assertEquals(List.of(ReasonCode.RUNNING), codes(after));
    assertStays("example's startedAt", settled.startedAt(), startedAtOf("example"), Duration.ofMillis(300));
    assertEquals(original, runtime.plugin("example").orElseThrow().bundle());
    assertFalse(runtime.plugin("example").orElseThrow().modules().isEmpty());
  }

  private ServiceReference<ExamplesExtensionPoint> examplesService() throws Exception {
    return onlyReference(ExamplesExtensionPoint.class, null);
  }
}
