package dev.greenroom.itests.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * Bad input in FileInstall's folder, while plugin {@code live} (fixture live-plugin) serves and a
 * client keeps calling it: (a) a half-copied module jar is reported once with its file name and
 * installed once a good copy replaces it; (b) a second jar with the symbolic name and version of an
 * installed bundle is refused naming both files, instead of FileInstall's silent update of the
 * first bundle with the second file's content.
 */
public class DeployBadInputIT extends LiveSupport {
  private static final String MODULE_BSN = "dev.greenroom.fixtures.live.module";

  @Override
  protected String configYaml() {
    // the client of live must never see an error while live restarts with its module
    return super.configYaml().replaceFirst("backend:\n", "backend:\n  lifecycle: { startupRequestPauseTimeout: 60s }\n");
  }

  @Test
  public void corruptJarAndDuplicateBundleAreReportedAndNothingElseIsAffected() throws Exception {
    // the corrupt jar and the duplicate, each reported once with its file
    expectLog(logLine("ERROR", "backstage", "Ignored live-module\\.jar: not a readable jar \\([^)]*\\); it is retried when the file changes$"));
    expectLog(logLine("ERROR", "backstage", "Refused live-module-copy\\.jar: bundle dev\\.greenroom\\.fixtures\\.live\\.module \\S+ "
        + "is already installed from live-module\\.jar$"));
    awaitReady(LONG);
    deployAs(fixtureJar("live-plugin"), "live-plugin.jar");
    awaitPlugin("live", "RUNNING", p -> p.state() == FeatureState.RUNNING);
    awaitHttp("/api/live/hello", 200, "live");

    try (Hammer live = new Hammer("/api/live/hello")) {
      // (a) the first half of the module jar lands under its final name, as an interrupted copy would
      Path good = fixtureJar("live-module");
      Path half = workDir().resolve("live-module-half.jar");
      byte[] bytes = Files.readAllBytes(good);
      Files.write(half, Arrays.copyOf(bytes, bytes.length / 2));
      Path module = deploy(copyAs(half, "live-module.jar"));
      String expected = "Ignored live-module.jar: not a readable jar (" + zipError(half)
          + "); it is retried when the file changes";
      DeployProblemDTO reported = awaitProblem(module, expected);
      // FileInstall asks again on every poll (250 ms); the problem is reported once per content
      Thread.sleep(1500);
      assertEquals(List.of(reported), runtime().deployProblems());
      assertEquals(null, findBundle(MODULE_BSN));

      // the complete file replaces it: installed, and live restarts with its module
      deploy(copyAs(good, "live-module.jar"));
      awaitPlugin("live", "RUNNING with echo", p -> p.state() == FeatureState.RUNNING
          && p.modules().size() == 1 && p.modules().get(0).state() == FeatureState.RUNNING);
      awaitHttp("/api/live/echo", 200, "echo v1");
      assertEquals(List.of(), runtime().deployProblems());

      // (b) the same symbolic name and version under another file name, with other content
      Bundle installed = findBundle(MODULE_BSN);
      Path copy = rebuild(good, installed.getVersion().toString(), Map.of("live-module.txt", "echo copy\n"),
          workDir().resolve("live-module-copy.jar"));
      Path duplicate = deploy(copy);
      awaitProblem(duplicate, "Refused live-module-copy.jar: bundle " + MODULE_BSN + " "
          + installed.getVersion() + " is already installed from live-module.jar");
      Thread.sleep(1000); // a few more polls: the first bundle must stay as it is
      String location = findBundle(MODULE_BSN).getLocation();
      assertTrue(location, location.endsWith("/live-module.jar"));
      assertEquals("\"echo v1\"", get("/api/live/echo").body());
      assertEquals(1, Arrays.stream(context.getBundles()).filter(b -> MODULE_BSN.equals(b.getSymbolicName())).count());

      // the refused file is removed: nothing to report any more
      Files.delete(duplicate);
      awaitNoProblems();

      live.close();
      assertEquals("requests to live", List.of(), live.failures());
      assertTrue(live.ok() > 0);
    }
  }

  private DeployProblemDTO awaitProblem(Path file, String message) throws InterruptedException {
    long end = System.nanoTime() + LONG.toNanos();
    while (true) {
      List<DeployProblemDTO> problems = runtime().deployProblems();
      if (!problems.isEmpty() || System.nanoTime() > end) {
        assertEquals(1, problems.size());
        assertEquals(file.toString(), problems.get(0).file());
        assertEquals(message, problems.get(0).message());
        return problems.get(0);
      }
      Thread.sleep(50);
    }
  }

  private void awaitNoProblems() throws InterruptedException {
    long end = System.nanoTime() + LONG.toNanos();
    while (!runtime().deployProblems().isEmpty()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("still reported: " + runtime().deployProblems());
      }
      Thread.sleep(50);
    }
  }

  /** A copy of {@code jar} named {@code fileName} in a staging folder (deploy() moves it in atomically). */
  private Path copyAs(Path jar, String fileName) throws IOException {
    Path staged = Files.createDirectories(workDir().resolve("staged-" + getClass().getSimpleName()));
    return Files.copy(jar, staged.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
  }

  /** What the JDK says about a broken jar: the reason in the report. */
  private static String zipError(Path jar) {
    try (JarFile ignored = new JarFile(jar.toFile())) {
      throw new AssertionError(jar + " reads as a jar");
    } catch (IOException e) {
      return e.getMessage();
    }
  }
}
