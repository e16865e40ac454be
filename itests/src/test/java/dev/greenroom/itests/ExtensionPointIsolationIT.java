package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Extension points are services filtered by plugin id, and the runtime's service hooks hide them
 * from bundles of other plugins: the {@code peeker-module} fixture (module {@code peeker} of plugin
 * {@code other}) neither finds {@code example}'s extension-point services nor hears their events,
 * while the test probe (no Greenroom capability) and {@code example}'s own module bundles do.
 */
public class ExtensionPointIsolationIT extends RuntimeStateSupport {
  static final String PEEKER_BSN = "dev.greenroom.fixtures.peeker.module";
  static final String EP_FILTER = "(" + FeatureNamespace.EXTENSION_POINT + "=*)";

  @Override
  protected Option[] extraOptions() {
    return new Option[] {fixtureBundle("peeker-module")};
  }

  private BundleContext peekerContext() throws Exception {
    Bundle peeker = requireBundle(PEEKER_BSN);
    awaitState(peeker, Bundle.ACTIVE, TIMEOUT);
    BundleContext c = peeker.getBundleContext();
    assertNotNull(c);
    return c;
  }

  @Test
  public void otherPluginsBundleCannotFindTheExtensionPoints() throws Exception {
    awaitRunning("example");
    BundleContext peeker = peekerContext();

    assertNull(peeker.getServiceReferences(ExamplesExtensionPoint.class.getName(), null));
    assertNull(peeker.getServiceReferences(ExampleTagsExtensionPoint.class.getName(), null));
    assertNull(peeker.getAllServiceReferences(ExamplesExtensionPoint.class.getName(), null));
    assertNull(peeker.getServiceReferences((String) null, EP_FILTER));
    assertTrue(peeker.getServiceReferences(ExamplesExtensionPoint.class,
        "(" + FeatureNamespace.PLUGIN_ID + "=example)").isEmpty());
    // only extension points are hidden: the runtime's own service is visible
    assertNotNull(peeker.getServiceReference(GreenroomRuntime.class));

    // the test probe (no greenroom.feature capability) sees them
    ServiceReference<?>[] fromProbe = context.getServiceReferences(ExamplesExtensionPoint.class.getName(), null);
    assertNotNull(fromProbe);
    assertEquals(1, fromProbe.length);
    assertEquals("examples", fromProbe[0].getProperty(FeatureNamespace.EXTENSION_POINT));

    // a bundle of plugin example (module greetings) sees both of its plugin's extension points
    BundleContext greetings = requireBundle(ExampleOrderIT.GREETINGS_BSN).getBundleContext();
    ServiceReference<?>[] examples = greetings.getServiceReferences(ExamplesExtensionPoint.class.getName(),
        "(" + FeatureNamespace.PLUGIN_ID + "=example)");
    assertNotNull(examples);
    assertEquals(1, examples.length);
    ServiceReference<?>[] all = greetings.getServiceReferences((String) null, EP_FILTER);
    assertNotNull(all);
    assertEquals(2, all.length);
  }

  @Test
  public void otherPluginsBundleHearsNoExtensionPointEvents() throws Exception {
    GreenroomRuntime runtime = runtime();
    PluginDTO before = awaitRunning("example");
    BundleContext peeker = peekerContext();

    Recorder peekerHeard = new Recorder();
    Recorder probeHeard = new Recorder();
    peeker.addServiceListener(peekerHeard, EP_FILTER);
    context.addServiceListener(probeHeard, EP_FILTER);
    try {
      // a module arrives and leaves: example restarts twice, withdrawing and re-registering its
      // extension-point services each time
      Bundle extra = installFixture("extra-module");
      PluginDTO withExtra = awaitPlugin("example", "restarted with module extra",
          p -> p.state() == FeatureState.RUNNING && moduleIds(p).contains("extra")
              && module(p, "extra").state() == FeatureState.RUNNING, TIMEOUT);
      assertTrue(withExtra.startedAt() > before.startedAt());
      extra.uninstall();
      awaitPlugin("example", "restarted without module extra",
          p -> p.state() == FeatureState.RUNNING && !moduleIds(p).contains("extra")
              && p.startedAt() > withExtra.startedAt(), TIMEOUT);

      // per restart: 2 UNREGISTERING + 2 REGISTERED (examples, example.tags)
      await("the probe heard both restarts", () -> probeHeard.count() >= 8, TIMEOUT);
      List<String> heard = probeHeard.events();
      assertEquals(heard.toString(), 8, heard.size());
      assertEquals(4, heard.stream().filter(e -> e.startsWith("UNREGISTERING ")).count());
      assertEquals(4, heard.stream().filter(e -> e.startsWith("REGISTERED ")).count());
      assertTrue(heard.toString(), heard.contains("REGISTERED examples"));
      assertTrue(heard.toString(), heard.contains("UNREGISTERING example.tags"));

      assertEquals("the peeker heard: " + peekerHeard.events(), List.of(), peekerHeard.events());
      assertNull(peeker.getServiceReferences(ExamplesExtensionPoint.class.getName(), null));
    } finally {
      peeker.removeServiceListener(peekerHeard);
      context.removeServiceListener(probeHeard);
    }
    assertEquals(FeatureState.RUNNING, runtime.plugin("example").orElseThrow().state());
  }

  /** Records {@code <TYPE> <extension point id>} for each service event. */
  static final class Recorder implements ServiceListener {
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void serviceChanged(ServiceEvent event) {
      String type;
      switch (event.getType()) {
        case ServiceEvent.REGISTERED: type = "REGISTERED"; break;
        case ServiceEvent.UNREGISTERING: type = "UNREGISTERING"; break;
        case ServiceEvent.MODIFIED: type = "MODIFIED"; break;
        default: type = "EVENT" + event.getType();
      }
      events.add(type + " " + event.getServiceReference().getProperty(FeatureNamespace.EXTENSION_POINT));
    }

    int count() {
      return events.size();
    }

    List<String> events() {
      synchronized (events) {
        return List.copyOf(events);
      }
    }
  }
}
