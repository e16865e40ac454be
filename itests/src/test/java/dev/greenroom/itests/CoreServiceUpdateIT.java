package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * A core-service bundle replaced while the backend runs: the plugins that use it restart on the
 * new factory (no plugin stays RUNNING on a closed pool); while it is absent they fail with the
 * missing service named, and come back when it returns.
 */
public class CoreServiceUpdateIT extends HttpTestSupport {
  static final String DATABASE_BSN = "dev.greenroom.database";

  /**
   * While the database bundle is stopped, example's restart fails naming the missing service (its
   * plugin and its tags module, which use it), and its slot starts refusing requests: one line each;
   * plugin events (the event bus) too.
   */
  @Override
  protected java.util.List<String> expectedLogLines() {
    String missing = "are missing for the following ref\\(s\\): serviceRef\\{core\\.database\\}";
    // the example's deps are resolved in declaration order, as upstream's BackendInitializer does:
    // core.database is missing, then core.scheduler (whose factory needs core.database) fails to
    // instantiate, and that error is the one reported (upstream's ServiceRegistry message)
    String plugin = "(Service or extension point dependencies of plugin 'example' " + missing
        + "|Failed to instantiate service 'core\\.scheduler' for 'example' because the following dependent services "
        + "are missing: 'core\\.database')";
    return java.util.List.of(
        logLine("ERROR", "backstage", "Plugin 'example' failed to start: Error: " + plugin),
        logLine("ERROR", "backstage", "Module 'tags' for plugin 'example' failed to start: Error: Service or extension point "
            + "dependencies of module 'tags' for plugin 'example' " + missing),
        logLine("WARN", "httpRouter", "Plugin 'example' is failing requests with 503 \\(Service has not started up yet\\): "
            + "it failed: Error: " + plugin),
        // plugin events (greenroom-events: the event bus) uses core.database as well
        logLine("ERROR", "backstage", "Plugin 'events' failed to start: Error: Service or extension point "
            + "dependencies of plugin 'events' " + missing),
        logLine("WARN", "httpRouter", "Plugin 'events' is failing requests with 503 \\(Service has not started up yet\\): "
            + "it failed: Error: Service or extension point dependencies of plugin 'events' " + missing));
  }

  @Test
  public void updatingTheDatabaseBundleRestartsItsPluginsOnTheNewPool() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    assertEquals(200, getWithToken("/api/example/examples").status());
    GreenroomRuntime runtime = awaitService(GreenroomRuntime.class, null, TIMEOUT);
    long readyAt = runtime.plugin("example").orElseThrow().readyAt();
    Bundle database = databaseBundle();

    database.update();

    awaitExample(runtime, p -> p.state() == FeatureState.RUNNING && p.readyAt() != readyAt, "restarted on the new factory");
    Answer after = getWithToken("/api/example/examples");
    assertEquals(after.body(), 200, after.status());
    assertTrue(after.body(), after.body().contains("\"name\":\"hello\""));
  }

  @Test
  public void whileTheDatabaseBundleIsStoppedItsPluginsFailNamingTheServiceAndComeBackWithIt() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    GreenroomRuntime runtime = awaitService(GreenroomRuntime.class, null, TIMEOUT);
    Bundle database = databaseBundle();

    database.stop();
    try {
      awaitExample(runtime, p -> p.state() == FeatureState.FAILED, "FAILED without its database");
      DiagnosisDTO d = runtime.diagnose("example");
      assertTrue(d.toString(), d.toString().contains("core.database"));
      assertEquals(503, getWithToken("/api/example/examples").status());
    } finally {
      database.start();
    }
    awaitExample(runtime, p -> p.state() == FeatureState.RUNNING, "RUNNING again with its database");
    assertEquals(200, getWithToken("/api/example/examples").status());
  }

  private static void awaitExample(GreenroomRuntime runtime, Predicate<PluginDTO> condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    PluginDTO p = null;
    while (System.nanoTime() < end) {
      p = runtime.plugin("example").orElse(null);
      if (p != null && condition.test(p)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("example is not " + what + ": " + p);
  }

  private Bundle databaseBundle() {
    Bundle b = findBundle(DATABASE_BSN);
    if (b == null) {
      throw new AssertionError("bundle " + DATABASE_BSN + " is not installed");
    }
    return b;
  }
}
