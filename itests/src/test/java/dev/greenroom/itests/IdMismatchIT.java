package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import dev.greenroom.backend.runtime.state.FeatureState;
import java.time.Duration;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * A bundle whose capability names plugin {@code todo-annotated} but whose feature is plugin {@code
 * todos}: reported once, naming the bundle and both ids; the feature runs under its own id and the
 * declared id does not wait for a service that never comes.
 */
public class IdMismatchIT extends RuntimeStateSupport {

  @Test
  public void aCapabilityAndFeatureWithDifferentIdsIsReportedOnceNamingBothIds() throws Exception {
    String message = "Bundle dev\\.greenroom\\.fixtures\\.mismatch\\.plugin \\S+ \\[\\d+\\] declares plugin 'todo-annotated' in its"
        + " greenroom\\.feature capability but registers a BackendFeature service for plugin 'todos'; the capability and the"
        + " feature must name the same ids$";
    expectLog(logLine("ERROR", "backstage", message));
    Bundle bundle = installFixture("mismatch-plugin");
    try {
      awaitPlugin("todos", "RUNNING under the feature's id", p -> p.state() == FeatureState.RUNNING, TIMEOUT);
      DiagnosisDTO declared = awaitDiagnosis("todo-annotated", "INVALID_CAPABILITY",
          d -> has(d, ReasonCode.INVALID_CAPABILITY), Duration.ofSeconds(5));
      String reason = declared.reasons().stream().filter(r -> r.code() == ReasonCode.INVALID_CAPABILITY)
          .findFirst().orElseThrow().message();
      assertTrue(reason, reason.matches(message.replace("$", "")));
      assertTrue(reason, reason.contains(bundleName(bundle)));
      // not waiting for the declared id's service: no PLUGIN_FEATURE_MISSING, no timeout later
      assertEquals(0, declared.reasons().stream().filter(r -> r.code() == ReasonCode.PLUGIN_FEATURE_MISSING
          || r.code() == ReasonCode.PLUGIN_FAILED).count());
    } finally {
      bundle.uninstall();
    }
  }
}
