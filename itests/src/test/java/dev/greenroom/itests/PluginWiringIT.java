package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import java.time.Duration;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Plugins talk over the network only: the runtime's resolver hook refuses to wire plugin {@code
 * importer}'s bundle to the package plugin {@code exporter}'s bundle exports, names both bundles,
 * and {@code greenroom:diag} shows it for both plugins. The exporter itself runs; node libraries
 * (the example modules import {@code example-node}) are unaffected, which the other ITs show.
 */
public class PluginWiringIT extends RuntimeStateSupport {
  @Test
  public void aPluginBundleCannotWireToAnotherPluginsPackage() throws Exception {
    // the refused wiring, naming both bundles and both plugins
    expectLog(logLine("ERROR", "backstage", "Bundle dev\\.greenroom\\.fixtures\\.wiring\\.importer \\S+ \\[\\d+\\] of plugin 'importer' "
        + "may not import package dev\\.greenroom\\.fixtures\\.wiring\\.exporter\\.api from bundle dev\\.greenroom\\.fixtures\\.wiring\\.exporter "
        + "\\S+ \\[\\d+\\] of plugin 'exporter': plugins talk over the network only"));
    Bundle exporter = installFixture("wiring-exporter");
    awaitRunning("exporter");
    Bundle importer = context.installBundle(fixtureJar("wiring-importer").toUri().toString());
    try {
      importer.start();
      fail("the importer must not resolve");
    } catch (BundleException expected) {
      assertEquals(BundleException.RESOLVE_ERROR, expected.getType());
    }
    assertEquals(Bundle.INSTALLED, importer.getState());

    String message = "Bundle " + name(importer) + " of plugin 'importer' may not import package "
        + "dev.greenroom.fixtures.wiring.exporter.api from bundle " + name(exporter) + " of plugin 'exporter': "
        + "plugins talk over the network only (move shared types to a node library)";
    DiagnosisDTO importerDiag = awaitDiagnosis("importer", "a wiring refusal",
        d -> has(d, ReasonCode.WIRING_REFUSED), Duration.ofSeconds(10));
    Reason reason = onlyReason(importerDiag, ReasonCode.WIRING_REFUSED);
    assertEquals(message, reason.message());
    assertEquals(name(importer), reason.subject());
    assertTrue(has(runtime().diagnose("exporter"), ReasonCode.WIRING_REFUSED));
    assertTrue(has(runtime().diagnose("exporter"), ReasonCode.RUNNING));
    importer.uninstall();
    exporter.uninstall();
  }

  private static String name(Bundle b) {
    return b.getSymbolicName() + " " + b.getVersion() + " [" + b.getBundleId() + "]";
  }
}
