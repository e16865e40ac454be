package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.time.Duration;
import org.junit.Test;

/** The example plugin keeps its examples in its own H2 database: a plugin restart shows them again. */
public class DataIT extends HttpTestSupport {

  @Test
  public void examplesSurviveARestartOfThePlugin() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    Answer before = getWithToken("/api/example/examples");
    assertEquals(before.body(), 200, before.status());
    assertTrue(before.body(), before.body().contains("\"name\":\"tagged: greeting, demo\""));

    GreenroomRuntime runtime = awaitService(GreenroomRuntime.class, null, TIMEOUT);
    long readyAt = runtime.plugin("example").orElseThrow().readyAt();
    runtime.restart("example");
    PluginDTO after = awaitRunning(runtime, readyAt);
    assertNotEquals(readyAt, after.readyAt());

    // same rows, same first-seen times: they came from the database, not from this start
    assertEquals(before, getWithToken("/api/example/examples"));
  }

  private static PluginDTO awaitRunning(GreenroomRuntime runtime, long oldReadyAt) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    PluginDTO p = null;
    while (System.nanoTime() < end) {
      p = runtime.plugin("example").orElse(null);
      if (p != null && p.state() == FeatureState.RUNNING && p.readyAt() != oldReadyAt) {
        return p;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("example did not come back: " + p);
  }
}
