package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * A warm restart with the bnd launcher's kept bundle cache ({@code launch.keep=true} and a {@code
 * launch.storage.dir}, docs/launch.md): the deploy folder's bundles come back from the cache, and a
 * jar replaced while the backend was down is updated at the next start. Before the fix, the
 * runtime's launch-time install wrote the new file's checksum for the cached bundle into
 * FileInstall's data area, so FileInstall took the replaced jar for unchanged and the old bundle
 * kept running.
 */
public class WarmRestartIT {
  private static final Duration EXIT = Duration.ofSeconds(90);

  @Test
  public void aJarReplacedWhileTheBackendWasDownIsUpdatedFromTheKeptCache() throws Exception {
    Path dir = RunnableJar.workDir("warm-restart");
    Path cache = dir.resolve("bundle-cache");
    RunnableJar.deploy(dir, "todo-validator");
    RunnableJar.deploy(dir, "todo-plugin");
    int port = RunnableJar.freePort();
    String config = RunnableJar.appConfig(port, "");
    String[] keep = {"launch.keep=true", "launch.storage.dir=" + cache};
    try (RunnableJar first = RunnableJar.start(dir, port, config, false, keep)) {
      first.awaitReady("example", "todo");
      first.terminate();
      assertEquals("exit code after SIGTERM; output:\n" + first.output(), 0, first.awaitExit(EXIT));
      RunnableJar.assertNoWarnOrErrorLines(first.output());
    }
    Path validatorCache = FelixCache.bundleFrom(cache, "deploy/todo-validator.jar");
    assertEquals("first revision in the kept cache", List.of("version0.0"), revisions(validatorCache));

    Path validator = dir.resolve("deploy").resolve("todo-validator.jar");
    RunnableJar.withVersion(validator, "1.0.99");

    try (RunnableJar second = RunnableJar.start(dir, port, config, false, keep)) {
      second.awaitReady("example", "todo");
      assertEquals("the same bundle, from the kept cache", validatorCache, FelixCache.bundleFrom(cache, "deploy/todo-validator.jar"));
      List<String> revisions = awaitRevisionOtherThanFirst(validatorCache);
      assertTrue("FileInstall updated the replaced jar: " + revisions, revisions.stream().anyMatch(r -> !r.equals("version0.0")));
      second.terminate();
      assertEquals("exit code after SIGTERM; output:\n" + second.output(), 0, second.awaitExit(EXIT));
      RunnableJar.assertNoWarnOrErrorLines(second.output());
    }
  }

  private static List<String> awaitRevisionOtherThanFirst(Path bundle) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String> revisions = revisions(bundle);
    while (System.nanoTime() < end && revisions.equals(List.of("version0.0"))) {
      Thread.sleep(200);
      revisions = revisions(bundle);
    }
    return revisions;
  }

  private static List<String> revisions(Path bundle) throws IOException {
    try (Stream<Path> files = Files.list(bundle)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("version")).sorted().toList();
    }
  }
}
