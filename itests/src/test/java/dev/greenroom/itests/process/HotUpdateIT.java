package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * A module jar replaced in {@code deploy/} of the runnable jar, with the real FileInstall and bnd
 * launcher: its plugin restarts once per update, and at once after the framework's refresh instead
 * of after a quiet period (docs/runtime.md, "Restarts"). Between FileInstall's update and its
 * refresh, bnd's launcher sets the updated bundle's start level again and Felix starts it; the
 * refresh then stops and starts it once more. Without the runtime's hold for the refresh
 * ({@code PendingRefreshes}), each update restarted the plugin twice; before that hold, a fixed
 * 250 ms quiet period hid it and cost every hot deploy a quarter of a second.
 */
public class HotUpdateIT {
  private static final Duration EXIT = Duration.ofSeconds(90);
  private static final Duration RESTART = Duration.ofSeconds(60);
  private static final String STARTING = "Plugin 'todo' is starting";
  private static final String RUNNING = "Plugin 'todo' is running";

  @Test
  public void aModuleJarReplacedInDeployRestartsItsPluginOncePerUpdate() throws Exception {
    Path dir = RunnableJar.workDir("hot-update");
    RunnableJar.deploy(dir, "todo-validator");
    RunnableJar.deploy(dir, "todo-plugin");
    int port = RunnableJar.freePort();
    try (RunnableJar runtime = RunnableJar.start(dir, port, RunnableJar.appConfig(port, ""), false)) {
      runtime.awaitReady("example", "todo");
      assertEquals(1, count(runtime.output(), STARTING));
      for (int update = 1; update <= 2; update++) {
        RunnableJar.withVersion(dir.resolve("deploy").resolve("todo-validator.jar"), "1.0." + (100 + update));
        awaitCount(runtime, RUNNING, update + 1);
      }
      // a second start of the same update follows the first within milliseconds (the refresh);
      // four of FileInstall's polls give it every chance to show
      Thread.sleep(1_000);
      String output = runtime.output();
      assertEquals("one start at launch and one per update; output:\n" + output, 3, count(output, STARTING));
      assertEquals("each restart waited for the updated module; output:\n" + output, 2,
          count(output, "Plugin 'todo' is stopping (was running): a feature it runs with left"));
      runtime.terminate();
      assertEquals("exit code after SIGTERM; output:\n" + runtime.output(), 0, runtime.awaitExit(EXIT));
      RunnableJar.assertNoWarnOrErrorLines(withoutStartLevelRace(runtime.output()));
    }
  }

  /**
   * The output without the one error Felix may log for the launcher's start of an updated bundle:
   * when FileInstall's refresh holds the framework's global lock just then, the start-level
   * thread, which holds the bundle's lock, may not wait for it ("Unable to acquire global lock for
   * resolve", from {@code Felix.setBundleStartLevel}). The refresh starts the bundle right after,
   * so nothing is lost; it happened about once in 30 updates under load (bench/README.md, round 4).
   * Every other warning or error still fails the test.
   */
  private static String withoutStartLevelRace(String output) {
    List<String> lines = output.lines().toList();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      boolean race = lines.get(i).matches("^\\S+Z error E\\.Framework FrameworkEvent ERROR$")
          && i + 3 < lines.size()
          && lines.get(i + 1).contains("Unable to acquire global lock for resolve")
          && lines.subList(i + 1, i + 4).stream().anyMatch(l -> l.contains("Felix.setBundleStartLevel"));
      if (!race) {
        kept.add(lines.get(i));
      }
    }
    return String.join("\n", kept);
  }

  private static void awaitCount(RunnableJar runtime, String text, int expected) throws InterruptedException {
    long end = System.nanoTime() + RESTART.toNanos();
    while (System.nanoTime() < end) {
      if (count(runtime.output(), text) >= expected) {
        return;
      }
      Thread.sleep(50);
    }
    fail("'" + text + "' not seen " + expected + " times within " + RESTART + "; output:\n" + runtime.output());
  }

  private static int count(String output, String text) {
    return (int) output.lines().filter(l -> l.contains(text)).count();
  }
}
