package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

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
import org.osgi.framework.Bundle;

/**
 * Backstage's rule in OSGi: a module whose plugin no bundle provides is ignored, not an error. The
 * {@code orphan-module} fixture (module {@code lonely} of plugin {@code absent}) leaves {@code
 * absent} IDLE with the module listed, and does not touch plugin {@code example}.
 */
public class AbsentPluginModuleIT extends RuntimeStateSupport {

  @Test
  public void moduleOfAnAbsentPluginIsIdleAndHarmless() throws Exception {
    GreenroomRuntime runtime = runtime();
    PluginDTO exampleBefore = awaitRunning("example");

    Bundle orphan = installFixture("orphan-module");
    try {
      PluginDTO absent = awaitPlugin("absent", "IDLE with module lonely IDLE",
          p -> p.state() == FeatureState.IDLE && p.modules().size() == 1
              && p.modules().get(0).state() == FeatureState.IDLE,
          TIMEOUT);
      assertNull("no bundle provides plugin absent", absent.bundle());
      assertNull(absent.cause());
      assertEquals(-1, absent.startedAt());
      assertEquals(-1, absent.readyAt());
      assertEquals(
          List.of(new ModuleDTO("absent", "lonely", FeatureState.IDLE, bundleName(orphan), -1, null, -1)),
          absent.modules());

      DiagnosisDTO diagnosis = runtime.diagnose("absent");
      assertEquals(FeatureState.IDLE, diagnosis.state());
      assertEquals(
          List.of(new Reason(ReasonCode.PLUGIN_FEATURE_MISSING, "absent",
              "No bundle provides plugin 'absent'; its modules are idle")),
          diagnosis.reasons());
      assertTrue("no PluginReady for absent",
          context.getServiceReferences(PluginReady.class, "(" + FeatureNamespace.PLUGIN_ID + "=absent)").isEmpty());

      // example is untouched: no restart (nothing to wait for, so watch it for a moment)
      assertStays("example's startedAt", exampleBefore.startedAt(), startedAtOf("example"), Duration.ofMillis(500));
      PluginDTO exampleAfter = runtime.plugin("example").orElseThrow();
      assertEquals(exampleBefore, exampleAfter);
    } finally {
      orphan.uninstall();
    }

    // the module leaves: nothing is known about plugin absent any more
    await("absent forgotten", () -> runtime.plugin("absent").isEmpty(), TIMEOUT);
    assertEquals(ReasonCode.UNKNOWN_PLUGIN, runtime.diagnose("absent").reasons().get(0).code());
    assertFalse(runtime.plugins().stream().anyMatch(p -> p.pluginId().equals("absent")));
    assertEquals(exampleBefore.startedAt(), runtime.plugin("example").orElseThrow().startedAt());
  }
}
