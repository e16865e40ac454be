package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.itests.HttpTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * A plugin's own config schema, shipped in its bundle (Greenroom-ConfigSchema header), checked at
 * its startup: a violating value fails that plugin with the schema message naming plugin, key and
 * file; the rest of the backend runs (onPluginBootFailure: continue); fixing the file restarts the
 * plugin, which then runs.
 */
public class ConfigSchemaIT extends HttpTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Override
  protected String configYaml() {
    return super.configYaml().replace("backend:\n", "backend:\n  startup: { default: { onPluginBootFailure: continue } }\n")
        + "schemed:\n  port: not-a-number\n";
  }

  @Override
  protected Option[] moreOptions() {
    return new Option[] {
      fixtureBundle("svc-schema"),
      frameworkProperty("greenroom.config.watch.interval").value("100"),
    };
  }

  /**
   * At boot: the config bundle rejects the file once the schema bundle's schema applies, and the
   * plugin fails its startup on the violation (permitted by onPluginBootFailure: continue).
   */
  @Override
  protected List<String> expectedLogLines() {
    return List.of(
        logLine("ERROR", "dev.greenroom.config", "Config reload failed, keeping the previous config: Config validation failed for plugin "
            + "'schemed' \\(bundle dev\\.greenroom\\.fixtures\\.svc\\.schema\\): 'schemed\\.port' in '" + getClass().getSimpleName() + "\\.yaml' string found, integer expected$"),
        logLine("ERROR", "backstage", "Plugin 'schemed' threw an error during startup, but boot failure is permitted for this plugin so startup "
            + "will continue\\. type=initialization \\| java\\.lang\\.IllegalStateException: Failed to instantiate service "
            + "'greenroom\\.configSchemaCheck' for 'schemed' because the factory function threw an error, ConfigException: Config validation "
            + "failed for plugin 'schemed' \\(bundle dev\\.greenroom\\.fixtures\\.svc\\.schema\\): 'schemed\\.port' in '" + getClass().getSimpleName() + "\\.yaml' "
            + "string found, integer expected"));
  }

  @Test
  public void aSchemaViolationFailsThatPluginAtStartupAndAFixRestartsIt() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    GreenroomRuntime runtime = awaitService(GreenroomRuntime.class, null, TIMEOUT);
    Path file = Path.of(context.getProperty("greenroom.config"));

    PluginDTO failed = await(runtime, "schemed", p -> p.state() == FeatureState.FAILED);
    assertTrue(failed.cause(), failed.cause().contains("Config validation failed for plugin 'schemed'"));
    assertTrue(failed.cause(), failed.cause().contains("'schemed.port' in '" + file.getFileName() + "'"));
    assertEquals(FeatureState.RUNNING, await(runtime, "example", p -> p.state() == FeatureState.RUNNING).state());

    String fixed = Files.readString(file).replace("port: not-a-number", "port: 8080");
    Path tmp = Files.createTempFile(file.getParent(), "edit-", ".yaml");
    Files.writeString(tmp, fixed);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    assertEquals(FeatureState.RUNNING, await(runtime, "schemed", p -> p.state() == FeatureState.RUNNING).state());
  }

  private static PluginDTO await(GreenroomRuntime runtime, String id, Predicate<PluginDTO> ok) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    PluginDTO p = null;
    while (System.nanoTime() < end) {
      p = runtime.plugin(id).orElse(null);
      if (p != null && ok.test(p)) {
        return p;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("plugin " + id + " never matched: " + p);
  }
}
