package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.PluginReady;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;
import org.osgi.framework.ServiceReference;

/**
 * The reference plugin boots in Felix as Backstage orders it: module {@code greetings} (consumes
 * {@code example.tags}) before module {@code tags} (provides it), then the plugin; its extension
 * points are listed with their owner and published as OSGi services; a PluginReady marker says it
 * is up.
 */
public class ExampleOrderIT extends RuntimeStateSupport {
  static final String EXAMPLE_BSN = "dev.greenroom.example.backend";
  static final String GREETINGS_BSN = "dev.greenroom.example.backend.module.greetings";
  static final String TAGS_BSN = "dev.greenroom.example.backend.module.tags";

  @Test
  public void exampleRunsWithGreetingsThenTags() throws Exception {
    PluginDTO example = awaitRunning("example");

    assertEquals("example", example.pluginId());
    assertEquals(bundleName(requireBundle(EXAMPLE_BSN)), example.bundle());
    assertNull(example.cause());
    assertTrue("startedAt " + example.startedAt(), example.startedAt() > 0);
    assertTrue("readyAt " + example.readyAt() + " < startedAt " + example.startedAt(),
        example.readyAt() >= example.startedAt());
    assertTrue("initMillis " + example.initMillis(), example.initMillis() >= 0);

    // listed in registration order (bundle id, then service id); run in Backstage's order:
    // greetings consumes example.tags, so it runs (order 0) before tags, which provides it
    boolean greetingsFirst = requireBundle(GREETINGS_BSN).getBundleId() < requireBundle(TAGS_BSN).getBundleId();
    assertEquals(greetingsFirst ? List.of("greetings", "tags") : List.of("tags", "greetings"), moduleIds(example));
    assertModule(moduleOf(example, "greetings"), "greetings", 0, GREETINGS_BSN);
    assertModule(moduleOf(example, "tags"), "tags", 1, TAGS_BSN);

    DiagnosisDTO diagnosis = runtime().diagnose("example");
    assertEquals(FeatureState.RUNNING, diagnosis.state());
    assertEquals(
        List.of(new Reason(ReasonCode.RUNNING, "example", "Plugin 'example' is running with 2 module(s)")),
        diagnosis.reasons());
  }

  private static ModuleDTO moduleOf(PluginDTO plugin, String moduleId) {
    return plugin.modules().stream().filter(m -> m.moduleId().equals(moduleId)).findFirst().orElseThrow();
  }

  private void assertModule(ModuleDTO m, String moduleId, int order, String bsn) {
    assertEquals("example", m.pluginId());
    assertEquals(moduleId, m.moduleId());
    assertEquals(FeatureState.RUNNING, m.state());
    assertEquals(order, m.order());
    assertEquals(bundleName(requireBundle(bsn)), m.bundle());
    assertNull(m.cause());
    assertTrue(moduleId + " initMillis " + m.initMillis(), m.initMillis() >= 0);
  }

  @Test
  public void extensionPointsNameTheirOwnerAndProvider() throws Exception {
    awaitRunning("example");
    List<ExtensionPointDTO> ofExample = runtime().extensionPoints().stream()
        .filter(e -> e.pluginId().equals("example"))
        .collect(Collectors.toList());
    assertEquals(
        List.of(
            new ExtensionPointDTO("example.tags", "example", "tags", ExampleTagsExtensionPoint.class.getName()),
            new ExtensionPointDTO("examples", "example", null, ExamplesExtensionPoint.class.getName())),
        ofExample);
  }

  @Test
  public void pluginReadyMarkerIsRegistered() throws Exception {
    awaitRunning("example");
    PluginReady ready = awaitService(PluginReady.class, "(" + FeatureNamespace.PLUGIN_ID + "=example)", TIMEOUT);
    assertEquals("example", ready.pluginId());
    ServiceReference<PluginReady> ref = onlyReference(PluginReady.class, "(" + FeatureNamespace.PLUGIN_ID + "=example)");
    assertEquals(RUNTIME_BSN, ref.getBundle().getSymbolicName());
  }

  @Test
  public void extensionPointsArePublishedAsServicesOfTheirOwners() throws Exception {
    awaitRunning("example");
    ServiceReference<ExamplesExtensionPoint> examples = onlyReference(ExamplesExtensionPoint.class, null);
    assertEquals("example", examples.getProperty(FeatureNamespace.PLUGIN_ID));
    assertEquals("examples", examples.getProperty(FeatureNamespace.EXTENSION_POINT));
    assertNull(examples.getProperty(FeatureNamespace.MODULE_ID));
    assertEquals(EXAMPLE_BSN, examples.getBundle().getSymbolicName());

    ServiceReference<ExampleTagsExtensionPoint> tags = onlyReference(ExampleTagsExtensionPoint.class, null);
    assertEquals("example", tags.getProperty(FeatureNamespace.PLUGIN_ID));
    assertEquals("example.tags", tags.getProperty(FeatureNamespace.EXTENSION_POINT));
    assertEquals("tags", tags.getProperty(FeatureNamespace.MODULE_ID));
    assertEquals(TAGS_BSN, tags.getBundle().getSymbolicName());
  }
}
