package dev.greenroom.itests.live;

import static org.junit.Assert.assertEquals;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

/**
 * A plugin that failed under {@code onPluginBootFailure: continue} is retried when its config
 * changes (the config bundle watches the file of {@code greenroom.config}) and when its bundle is
 * updated (a new jar under the same name in FileInstall's folder).
 */
public class LivePluginRecoveryIT extends LiveSupport {

  @Override
  protected String configYaml() {
    return super.configYaml().replaceFirst("backend:\n",
        "backend:\n  startup: { default: { onPluginBootFailure: continue } }\n")
        + "live:\n  fail: true\n";
  }

  @Test
  public void failedPluginIsRetriedOnConfigChangeAndOnUpdate() throws Exception {
    // the two failures the test provokes (live.fail, then the broken build): one line each; the
    // requests it sends meanwhile are answered 503 without a line of their own
    expectLog(logLine("ERROR", "backstage", "Plugin 'live' failed to start: Error: live\\.fail is set "
        + "\\| java\\.lang\\.IllegalStateException: live\\.fail is set$"));
    expectLog(logLine("ERROR", "backstage", "Plugin 'live' failed to start: Error: this build of plugin live is broken \\(live-fail\\.txt\\) "
        + "\\| java\\.lang\\.IllegalStateException: this build of plugin live is broken \\(live-fail\\.txt\\)$"));
    // one line per failure from the request path too, not one per refused request
    expectLog(logLine("WARN", "httpRouter", "Plugin 'live' is failing requests with 503 \\(Service has not started up yet\\): "
        + "it failed: Error: live\\.fail is set$"));
    expectLog(logLine("WARN", "httpRouter", "Plugin 'live' is failing requests with 503 \\(Service has not started up yet\\): "
        + "it failed: Error: this build of plugin live is broken \\(live-fail\\.txt\\)$"));
    awaitReady(LONG);
    Path plugin = deployAs(fixtureJar("live-plugin"), "live-plugin.jar");
    PluginDTO failed = awaitPlugin("live", "FAILED", p -> p.state() == FeatureState.FAILED);
    assertEquals("Error: live.fail is set", failed.cause());
    assertEquals(503, get("/api/live/hello").status());

    // the config file changes: the plugin whose subtree changed is retried
    Path config = Path.of(context.getProperty("greenroom.config"));
    Files.writeString(config, Files.readString(config).replace("fail: true", "fail: false"));
    awaitPlugin("live", "RUNNING", p -> p.state() == FeatureState.RUNNING);
    assertEquals("{\"plugin\":\"live\"}", awaitHttp("/api/live/hello", 200, "live").body());

    // a broken build replaces it: FAILED again; the fixed build (an update) brings it back
    Path broken = rebuild(fixtureJar("live-plugin"), "0.1.1", Map.of("live-fail.txt", "broken"),
        workDir().resolve("live-plugin-broken.jar"));
    deployAs(broken, plugin.getFileName().toString());
    PluginDTO brokenRun = awaitPlugin("live", "FAILED", p -> p.state() == FeatureState.FAILED && p.bundle() != null && p.bundle().contains(" 0.1.1 "));
    assertEquals("Error: this build of plugin live is broken (live-fail.txt)", brokenRun.cause());
    deployAs(rebuild(fixtureJar("live-plugin"), "0.1.2", Map.of(), workDir().resolve("live-plugin-fixed.jar")),
        plugin.getFileName().toString());
    awaitPlugin("live", "RUNNING on 0.1.2", p -> p.state() == FeatureState.RUNNING && p.bundle() != null && p.bundle().contains(" 0.1.2 "));
    awaitHttp("/api/live/hello", 200, "live");
  }
}
