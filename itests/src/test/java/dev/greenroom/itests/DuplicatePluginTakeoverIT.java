package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.PluginReady;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * When the bundle that holds plugin {@code example} leaves, the refused duplicate (fixture {@code
 * duplicate-plugin}) takes over: the plugin restarts from the fixture bundle with the same
 * modules. Its own class: the original bundle is uninstalled and cannot come back in this
 * framework.
 */
public class DuplicatePluginTakeoverIT extends RuntimeStateSupport {

  @Test
  public void duplicateTakesOverWhenTheOriginalLeaves() throws Exception {
    // the refusal while the original runs, reported once with both bundles
    expectLog(logLine("ERROR", "backstage", "Plugin 'example' is already registered; bundle dev\\.greenroom\\.fixtures\\.duplicate\\.plugin "
        + "\\S+ \\[\\d+\\] was refused, bundle dev\\.greenroom\\.example\\.backend \\S+ \\[\\d+\\] keeps it$"));
    GreenroomRuntime runtime = runtime();
    PluginDTO before = awaitRunning("example");
    Bundle original = requireBundle(ExampleOrderIT.EXAMPLE_BSN);

    Bundle duplicate = installFixture("duplicate-plugin");
    awaitDiagnosis("example", "DUPLICATE_PLUGIN", d -> has(d, ReasonCode.DUPLICATE_PLUGIN), TIMEOUT);
    assertEquals(before.startedAt(), runtime.plugin("example").orElseThrow().startedAt());

    original.uninstall();

    String takenOverBy = bundleName(duplicate);
    PluginDTO after = awaitPlugin("example", "RUNNING from " + takenOverBy,
        p -> p.state() == FeatureState.RUNNING && takenOverBy.equals(p.bundle()), TIMEOUT);
    assertTrue("restarted: " + after.startedAt() + " > " + before.startedAt(), after.startedAt() > before.startedAt());
    assertNull(after.cause());
    assertEquals(List.of("greetings", "tags"), moduleIds(after).stream().sorted().toList());
    for (ModuleDTO m : after.modules()) {
      assertEquals(m.moduleId(), FeatureState.RUNNING, m.state());
      assertNull(m.moduleId(), m.cause());
      // run in Backstage's order whatever the listing (registration) order: greetings, then tags
      assertEquals(m.moduleId(), m.moduleId().equals("greetings") ? 0 : 1, m.order());
    }

    DiagnosisDTO diagnosis = runtime.diagnose("example");
    assertEquals(FeatureState.RUNNING, diagnosis.state());
    assertEquals(List.of(ReasonCode.RUNNING), codes(diagnosis));

    // the duplicate's extension point is the one published now, on its behalf
    ServiceReference<ExamplesExtensionPoint> examples = onlyReference(ExamplesExtensionPoint.class, null);
    assertEquals(DuplicatePluginIT.DUPLICATE_BSN, examples.getBundle().getSymbolicName());
    assertEquals("example", examples.getProperty(FeatureNamespace.PLUGIN_ID));
    assertEquals("examples", examples.getProperty(FeatureNamespace.EXTENSION_POINT));
    awaitService(PluginReady.class, "(" + FeatureNamespace.PLUGIN_ID + "=example)", TIMEOUT);
  }
}
