package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.annotations.FeatureNamespace;
import java.time.Duration;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The fixture harness works: the {@code orphan-module} fixture (module {@code lonely} of plugin
 * {@code absent}, which no bundle provides) hot-installs into the running runtime, starts and
 * registers its BackendFeature service. The Backstage rule (a module without its plugin is
 * ignored) is asserted further by the runtime's own ITs.
 */
public class OrphanModuleFixtureIT extends GreenroomTestSupport {

  @Test
  public void orphanModuleInstallsAndIsActive() throws Exception {
    Bundle orphan = installFixture("orphan-module");
    try {
      assertEquals("dev.greenroom.fixtures.orphan.module", orphan.getSymbolicName());
      awaitState(orphan, Bundle.ACTIVE, TIMEOUT);
      ServiceReference<?> feature = awaitRegisteredFeature(orphan, TIMEOUT);
      // the ids come from @GreenroomModule alone: no service property repeats them
      BackendModule module = (BackendModule) context.getService(feature);
      assertEquals("absent", module.pluginId());
      assertEquals("lonely", module.moduleId());
      assertNull(feature.getProperty(FeatureNamespace.PLUGIN_ID));
      context.ungetService(feature);
      // the runtime is unaffected
      assertEquals(Bundle.ACTIVE, findBundle(RUNTIME_BSN).getState());
    } finally {
      orphan.uninstall();
    }
    assertTrue(findBundle("dev.greenroom.fixtures.orphan.module") == null);
  }

  /** DS registers the component's service shortly after the bundle starts. */
  private static ServiceReference<?> awaitRegisteredFeature(Bundle bundle, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      ServiceReference<?>[] refs = bundle.getRegisteredServices();
      if (refs != null) {
        for (ServiceReference<?> ref : refs) {
          for (String clazz : (String[]) ref.getProperty("objectClass")) {
            if (clazz.equals("dev.greenroom.backend.api.BackendFeature")) {
              return ref;
            }
          }
        }
      }
      Thread.sleep(20);
    }
    assertNotNull("no BackendFeature service registered by " + bundle.getSymbolicName(), null);
    return null;
  }
}
