package dev.greenroom.itests.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Hot deploy through FileInstall's folder, with HTTP clients running all along: plugin {@code
 * live} (fixture live-plugin) and its module {@code echo} (fixture live-module, and a second build
 * of the same bundle with another version and text) come, change and go while the backend serves.
 * Requests to {@code live} during its restarts are held and served by the new instance; a client of
 * another plugin ({@code greenroom}) only ever sees 200 and that plugin never restarts.
 */
public class LivePluginsIT extends LiveSupport {
  private static final String OTHER = "/api/greenroom/v1/plugins";

  @Override
  protected String configYaml() {
    // held requests must never reach this pause: a 404 for a removed plugin arrives at once, a
    // held request is served by the next instance (the HTTP client's read timeout is 30 s)
    return super.configYaml().replaceFirst("backend:\n", "backend:\n  lifecycle: { startupRequestPauseTimeout: 60s }\n");
  }

  @Test
  public void pluginAndModuleComeChangeAndGoWhileServing() throws Exception {
    awaitReady(LONG);
    PluginDTO greenroomBefore = awaitPlugin("greenroom", "RUNNING", p -> p.state() == FeatureState.RUNNING);
    PluginDTO exampleBefore = awaitPlugin("example", "RUNNING", p -> p.state() == FeatureState.RUNNING);
    Path moduleV1 = fixtureJar("live-module");
    Path moduleV2 = rebuild(moduleV1, "0.1.1", Map.of("live-module.txt", "echo v2\n"),
        workDir().resolve("live-module-v2.jar"));

    try (Hammer other = new Hammer(OTHER, "Authorization", "Bearer " + TOKEN)) {
      // (e) the module arrives first: it waits, idle, and nothing is mounted for live
      Path module = deployAs(moduleV1, "live-module.jar");
      PluginDTO idle = awaitPlugin("live", "IDLE with echo IDLE", p -> p.state() == FeatureState.IDLE
          && moduleStates(p).equals(List.of("echo IDLE")));
      assertEquals(null, idle.bundle());
      assertEquals(404, get("/api/live/hello").status());

      // ... then the plugin: it initialises with the module
      Path plugin = deployAs(fixtureJar("live-plugin"), "live-plugin.jar");
      PluginDTO running = awaitPlugin("live", "RUNNING with echo", p -> p.state() == FeatureState.RUNNING
          && moduleStates(p).equals(List.of("echo RUNNING")));
      assertEquals(0, running.modules().get(0).order());
      assertEquals("\"echo v1\"", awaitHttp("/api/live/echo", 200, "echo v1").body());

      try (Hammer live = new Hammer("/api/live/hello")) {
        // (c) a new build of the module under the same file name: FileInstall updates the bundle
        deployAs(moduleV2, "live-module.jar");
        awaitHttp("/api/live/echo", 200, "echo v2");
        PluginDTO v2 = awaitPlugin("live", "RUNNING with echo 0.1.1", p -> p.state() == FeatureState.RUNNING
            && p.modules().size() == 1 && p.modules().get(0).bundle() != null && p.modules().get(0).bundle().contains(" 0.1.1 "));
        assertTrue(v2.startedAt() > running.startedAt());

        // (b) the module jar is deleted: live restarts without it
        Files.delete(module);
        awaitPlugin("live", "RUNNING without modules", p -> p.state() == FeatureState.RUNNING && p.modules().isEmpty());
        // (with credentials: without the module, nothing declares /echo unauthenticated); no route
        // takes it: Backstage's notFound handler, an empty 404
        Answer noRoute = awaitHttp("/api/live/echo", 404, "", "Authorization", "Bearer " + TOKEN);
        assertEquals("", noRoute.body());

        // (a) dropped in again (under another name): live restarts with it
        module = deployAs(moduleV1, "live-module-again.jar");
        awaitPlugin("live", "RUNNING with echo", p -> p.state() == FeatureState.RUNNING
            && moduleStates(p).equals(List.of("echo RUNNING")));
        awaitHttp("/api/live/echo", 200, "echo v1");

        live.close();
        assertEquals("requests to live while it restarted", List.of(), live.failures());
        assertTrue(live.ok() > 0);
      }

      // (d) the plugin is removed: 404 at once (not held for the 60 s pause), its module idles
      Files.delete(plugin);
      Answer gone = awaitHttp("/api/live/hello", 404, "NotFoundError");
      assertTrue(gone.body(), gone.body().contains("\"message\":\"Not found: GET /api/live/hello\""));
      PluginDTO removed = awaitPlugin("live", "IDLE", p -> p.state() == FeatureState.IDLE);
      assertEquals(List.of("echo IDLE"), moduleStates(removed));

      // ... and re-added: it comes back with its module
      deployAs(fixtureJar("live-plugin"), "live-plugin.jar");
      awaitPlugin("live", "RUNNING with echo", p -> p.state() == FeatureState.RUNNING
          && moduleStates(p).equals(List.of("echo RUNNING")));
      assertEquals("{\"plugin\":\"live\"}", awaitHttp("/api/live/hello", 200, "live").body());

      other.close();
      assertEquals("requests to another plugin", List.of(), other.failures());
      assertTrue(other.ok() > 0);
    }
    // only live restarted
    assertEquals(greenroomBefore.readyAt(), runtime().plugin("greenroom").orElseThrow().readyAt());
    assertEquals(exampleBefore.readyAt(), runtime().plugin("example").orElseThrow().readyAt());
  }

  /** The state endpoint of plugin greenroom: the states with their timings, for service credentials only. */
  @Test
  public void stateEndpointListsPluginsWithTimings() throws Exception {
    awaitReady(LONG);
    PluginDTO greenroom = awaitPlugin("greenroom", "RUNNING", p -> p.state() == FeatureState.RUNNING);
    Answer answer = get(OTHER, "Authorization", "Bearer " + TOKEN);
    assertEquals(200, answer.status());
    assertTrue(answer.body(), answer.body().contains("\"pluginId\":\"greenroom\",\"state\":\"RUNNING\""));
    assertTrue(answer.body(), answer.body().contains("\"startedAt\":" + greenroom.startedAt()
        + ",\"readyAt\":" + greenroom.readyAt() + ",\"initMillis\":" + greenroom.initMillis()));

    Answer anonymous = get(OTHER);
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.body(), anonymous.body().contains(
        "\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Missing credentials\"}"));
  }

  private static List<String> moduleStates(PluginDTO p) {
    return p.modules().stream().map((ModuleDTO m) -> m.moduleId() + " " + m.state()).toList();
  }
}
