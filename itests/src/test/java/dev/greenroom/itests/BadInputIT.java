package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.time.Duration;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * Bad input is reported with the bundle that brought it, and nothing else stops: a malformed
 * {@code greenroom.feature} capability is ignored (and shown by diag), a module whose register
 * breaks Backstage's rules fails alone while its plugin keeps running.
 */
public class BadInputIT extends RuntimeStateSupport {
  @Test
  public void aMalformedCapabilityIsReportedWithItsBundleAndIgnored() throws Exception {
    // the fixture's two malformed capabilities, each reported with its bundle
    expectLog(logLine("WARN", "backstage", "Bundle dev\\.greenroom\\.fixtures\\.malformed\\.capability \\S+ \\[\\d+\\] "
        + "declares a malformed greenroom\\.feature capability \\(greenroom\\.plugin\\.id 'Not A Plugin!' does not match \\Q^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$\\E\\); it is ignored$"));
    expectLog(logLine("WARN", "backstage", "Bundle dev\\.greenroom\\.fixtures\\.malformed\\.capability \\S+ \\[\\d+\\] "
        + "declares a malformed greenroom\\.feature capability \\(greenroom\\.module\\.id 'bad_module!' is not a valid module id\\); it is ignored$"));
    PluginDTO before = awaitRunning("example");
    Bundle bad = installFixture("malformed-capability");
    try {
      DiagnosisDTO d = awaitDiagnosis("example", "an INVALID_CAPABILITY reason",
          x -> has(x, ReasonCode.INVALID_CAPABILITY), TIMEOUT);
      Reason reason = onlyReason(d, ReasonCode.INVALID_CAPABILITY);
      assertEquals("Bundle " + bundleName(bad) + " declares a malformed greenroom.feature capability "
          + "(greenroom.module.id 'bad_module!' is not a valid module id); it is ignored", reason.message());
      assertEquals(FeatureState.RUNNING, d.state());
      assertStays("example's startedAt", before.startedAt(), startedAtOf("example"), Duration.ofMillis(500));
      assertFalse("the invalid plugin id never became a plugin",
          runtime().plugins().stream().anyMatch(p -> p.pluginId().contains("Not")));
    } finally {
      bad.uninstall();
    }
    awaitDiagnosis("example", "the reason gone with the bundle",
        x -> !has(x, ReasonCode.INVALID_CAPABILITY), TIMEOUT);
  }

  @Test
  public void aModuleThatBreaksTheRegisterRulesFailsAloneAndThePluginRuns() throws Exception {
    // the broken module's own failure: one line when the plugin restarts with it
    expectLog(logLine("ERROR", "backstage", "Module 'broken' for plugin 'example' failed to start: Error: registerInit was not called "
        + "by register in broken module for example \\| java\\.lang\\.IllegalStateException: registerInit was not called by register "
        + "in broken module for example$"));
    awaitRunning("example");
    Bundle broken = installFixture("broken-module");
    try {
      PluginDTO example = awaitPlugin("example", "running with module broken FAILED",
          p -> p.state() == FeatureState.RUNNING && p.modules().stream()
              .anyMatch(m -> m.moduleId().equals("broken") && m.state() == FeatureState.FAILED),
          TIMEOUT);
      ModuleDTO failed = module(example, "broken");
      assertEquals("Error: registerInit was not called by register in broken module for example", failed.cause());
      assertEquals(bundleName(broken), failed.bundle());
      assertEquals(List.of("greetings", "tags", "broken"), moduleIds(example));
      assertEquals(FeatureState.RUNNING, module(example, "greetings").state());
      assertEquals(FeatureState.RUNNING, module(example, "tags").state());
      assertNull(example.cause());

      DiagnosisDTO d = runtime().diagnose("example");
      assertEquals(List.of(new Reason(ReasonCode.MODULE_FAILED, "broken",
          "Error: registerInit was not called by register in broken module for example")),
          reasons(d, ReasonCode.MODULE_FAILED));
    } finally {
      broken.uninstall();
    }
    PluginDTO after = awaitPlugin("example", "back to its two modules",
        p -> p.state() == FeatureState.RUNNING && moduleIds(p).equals(List.of("greetings", "tags")), TIMEOUT);
    assertTrue(after.modules().stream().allMatch(m -> m.state() == FeatureState.RUNNING));
  }
}
