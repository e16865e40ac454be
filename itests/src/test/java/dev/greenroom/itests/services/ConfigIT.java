package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.itests.HttpTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Dictionary;
import java.util.function.Supplier;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The config bundle in the launch: each plugin's subtree as a ConfigAdmin configuration, and a
 * change to the config file reaching the running backend (greenroom.config points at this
 * class's own file; the watcher polls it every 100 ms here).
 */
public class ConfigIT extends HttpTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Override
  protected String appConfig() {
    return "example:\n  greeting: hello\n  limits: [1, 2]\ncallee:\n  mood: calm\n";
  }

  @Override
  protected Option[] moreOptions() {
    return new Option[] {
      fixtureBundle("svc-callee"),
      frameworkProperty("greenroom.config.watch.interval").value("100"),
    };
  }

  @Test
  public void aPluginsSubtreeIsItsConfigAdminConfiguration() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    Dictionary<String, Object> props = awaitPid("greenroom.plugin.example", p -> "hello".equals(p.get("greeting")));
    assertEquals("hello", props.get("greeting"));
    assertEquals(java.util.List.of(1L, 2L), java.util.Arrays.asList((Long[]) props.get("limits")));
    assertEquals("calm", awaitPid("greenroom.plugin.callee", p -> p.get("mood") != null).get("mood"));
  }

  @Test
  public void aFileChangeRestartsThePluginWhoseSubtreeChangedAndNoOther() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    GreenroomRuntime runtime = awaitService(GreenroomRuntime.class, null, TIMEOUT);
    long exampleReadyAt = running(runtime, "example").readyAt();
    long calleeReadyAt = running(runtime, "callee").readyAt();

    rewriteConfig(c -> c.replace("greeting: hello", "greeting: bonjour"));

    PluginDTO restarted = awaitRestart(runtime, "example", exampleReadyAt);
    assertNotEquals(exampleReadyAt, restarted.readyAt());
    assertEquals(calleeReadyAt, running(runtime, "callee").readyAt());
    assertEquals("bonjour", awaitPid("greenroom.plugin.example", p -> "bonjour".equals(p.get("greeting"))).get("greeting"));
  }

  @Test
  public void aBrokenEditKeepsTheOldConfigAndRestartsNothing() throws Exception {
    // the broken edit, reported by the config bundle's file watcher
    expectLog(logLine("ERROR", "dev.greenroom.config", "Config reload failed, keeping the previous config: "
        + "Failed to read config file at \"[^\"]*/ConfigIT\\.yaml\", invalid YAML: while parsing a flow sequence"));
    awaitReady(Duration.ofSeconds(60));
    GreenroomRuntime runtime = awaitService(GreenroomRuntime.class, null, TIMEOUT);
    String greeting = String.valueOf(awaitPid("greenroom.plugin.example", p -> p.get("greeting") != null).get("greeting"));
    long exampleReadyAt = running(runtime, "example").readyAt();
    String good = Files.readString(configFile());

    rewriteConfig(c -> c.replace("example:\n  greeting:", "example:\n greeting: [unclosed\n  greeting:"));
    try {
      // ten poll intervals: the watcher saw the edit and rejected it
      Supplier<Long> readyAt = () -> runtime.plugin("example").map(PluginDTO::readyAt).orElse(-1L);
      assertStays("example's readyAt", exampleReadyAt, readyAt, Duration.ofSeconds(1));
      assertEquals(greeting, configuration("greenroom.plugin.example").get("greeting"));
    } finally {
      Files.writeString(configFile(), good);
    }
  }

  // ---- helpers ----

  private Path configFile() {
    return Path.of(context.getProperty("greenroom.config"));
  }

  /** Rewrites the config file atomically (the watcher never reads half a file). */
  private void rewriteConfig(java.util.function.UnaryOperator<String> edit) throws Exception {
    Path file = configFile();
    String before = Files.readString(file);
    String after = edit.apply(before);
    assertNotEquals("the edit changed nothing", before, after);
    Path tmp = Files.createTempFile(file.getParent(), "edit-", ".yaml");
    Files.writeString(tmp, after);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Dictionary<String, Object> configuration(String pid) throws Exception {
    ConfigurationAdmin admin = awaitService(ConfigurationAdmin.class, null, TIMEOUT);
    Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
    return found == null ? null : found[0].getProperties();
  }

  private Dictionary<String, Object> awaitPid(String pid, java.util.function.Predicate<Dictionary<String, Object>> ok)
      throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    Dictionary<String, Object> last = null;
    while (System.nanoTime() < end) {
      last = configuration(pid);
      if (last != null && ok.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("configuration " + pid + " never matched; last: " + last);
  }

  private static PluginDTO running(GreenroomRuntime runtime, String id) throws InterruptedException {
    return awaitRestart(runtime, id, Long.MIN_VALUE);
  }

  /** Waits until plugin {@code id} is RUNNING with a readyAt other than {@code oldReadyAt}. */
  private static PluginDTO awaitRestart(GreenroomRuntime runtime, String id, long oldReadyAt)
      throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    PluginDTO p = null;
    while (System.nanoTime() < end) {
      p = runtime.plugin(id).orElse(null);
      if (p != null && p.state() == FeatureState.RUNNING && p.readyAt() != oldReadyAt) {
        return p;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("plugin " + id + " not running (again): " + p);
  }

  private static <T> void assertStays(String what, T expected, Supplier<T> value, Duration period)
      throws InterruptedException {
    long end = System.nanoTime() + period.toNanos();
    do {
      assertEquals(what, expected, value.get());
      Thread.sleep(20);
    } while (System.nanoTime() < end);
  }
}
