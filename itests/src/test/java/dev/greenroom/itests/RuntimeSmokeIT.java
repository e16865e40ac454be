package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** The exported run set of runtime.bndrun boots in Felix: every bundle ACTIVE, SCR there. */
public class RuntimeSmokeIT extends GreenroomTestSupport {

  static final List<String> GREENROOM_BUNDLES =
      List.of(
          RUNTIME_BSN,
          "dev.greenroom.backend.api",
          "dev.greenroom.example.node",
          "dev.greenroom.example.backend",
          "dev.greenroom.example.backend.module.greetings",
          "dev.greenroom.example.backend.module.tags");

  @Test
  public void frameworkIsFelixAndActive() {
    Bundle system = context.getBundle(0);
    assertEquals("org.apache.felix.framework", system.getSymbolicName());
    assertEquals(Bundle.ACTIVE, system.getState());
  }

  @Test
  public void greenroomAndExampleBundlesAreActive() throws Exception {
    for (String bsn : GREENROOM_BUNDLES) {
      Bundle b = findBundle(bsn);
      assertNotNull(bsn + " is not installed", b);
      awaitState(b, Bundle.ACTIVE, TIMEOUT);
    }
  }

  @Test
  public void everyInstalledBundleIsActive() throws Exception {
    List<String> notActive = new ArrayList<>();
    for (Bundle b : context.getBundles()) {
      if (!isFragment(b) && b.getState() != Bundle.ACTIVE) {
        notActive.add(b.getSymbolicName() + " " + stateName(b.getState()));
      }
    }
    assertTrue("not ACTIVE: " + notActive, notActive.isEmpty());
  }

  @Test
  public void declarativeServicesIsPresent() throws Exception {
    Bundle scr = findBundle("org.apache.felix.scr");
    assertNotNull("Felix SCR is not installed", scr);
    awaitState(scr, Bundle.ACTIVE, TIMEOUT);
    ServiceReference<?> runtime =
        context.getServiceReference("org.osgi.service.component.runtime.ServiceComponentRuntime");
    assertNotNull("no ServiceComponentRuntime service", runtime);
  }
}
