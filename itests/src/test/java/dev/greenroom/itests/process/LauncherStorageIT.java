package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The README's run command, {@code bin/greenroom}, puts the framework's bundle cache in a memory
 * folder (issue 15, round 3: each bundle install writes a folder and small files, 1-3 ms per bundle
 * on this machine's disk): {@code GREENROOM_STORAGE} stands in for {@code $XDG_RUNTIME_DIR} or
 * {@code /dev/shm} here, so the test does not write to the machine's shared memory. The cache is
 * {@code greenroom-cache-<pid>}, holds the launch bundles and the deploy folder's, is deleted at
 * exit, and a cache left by a launch that was killed is removed by the next one; anything else in
 * the folder is left alone.
 */
public class LauncherStorageIT {
  private static final Duration EXIT = Duration.ofSeconds(90);

  @Test
  public void theBundleCacheLivesInTheMemoryFolderForTheProcessOnly() throws Exception {
    Path dir = RunnableJar.workDir("launcher-storage");
    Path memory = Files.createDirectories(dir.resolve("memory"));
    // a killed launch's cache: no process has this pid (above Linux's pid_max)
    Path stale = Files.createDirectories(memory.resolve("greenroom-cache-2147483646").resolve("bundle7"));
    Path unrelated = Files.createDirectories(memory.resolve("someone-elses"));
    RunnableJar.deploy(dir, "todo-validator");
    RunnableJar.deploy(dir, "todo-plugin");
    int port = RunnableJar.freePort();
    try (RunnableJar jar = RunnableJar.startWithLauncher(dir, port, RunnableJar.appConfig(port, ""),
        Map.of("GREENROOM_STORAGE", memory.toString()))) {
      jar.awaitReady("example", "todo");

      Path cache = memory.resolve("greenroom-cache-" + jar.pid());
      assertTrue("the bundle cache is in the memory folder; output:\n" + jar.output(), Files.isDirectory(cache));
      List<String> locations = List.copyOf(FelixCache.bundlesByLocation(cache).keySet());
      assertTrue("the launch bundles are cached there: " + locations, locations.size() > 50);
      assertTrue("and the deploy folder's: " + locations,
          locations.stream().anyMatch(l -> l.endsWith("deploy/todo-plugin.jar")));
      assertFalse("nothing in java.io.tmpdir", Files.list(dir.resolve("tmp")).anyMatch(p -> p.toString().endsWith(".fw")));
      assertFalse("the killed launch's cache is gone", Files.exists(stale.getParent()));
      assertTrue("what is not a Greenroom cache stays", Files.isDirectory(unrelated));
      // greenroom-http's served check asked the real server once and got the dispatcher's answer
      assertTrue("the served check's request, answered 200; output:\n" + jar.output(), jar.output().lines()
          .anyMatch(l -> l.contains("GET /.backstage/health/v1/liveness HTTP/1.1\" 200") && l.contains("greenroom-served-check")));

      jar.terminate();
      assertEquals("exit code after SIGTERM; output:\n" + jar.output(), 0, jar.awaitExit(EXIT));
      assertFalse("the cache is deleted at exit", Files.exists(cache));
      RunnableJar.assertNoWarnOrErrorLines(jar.output());
    }
  }

  @Test
  public void diskPutsANamedCacheInTmpdirAndDeletesItAtExit() throws Exception {
    Path dir = RunnableJar.workDir("launcher-storage-disk");
    int port = RunnableJar.freePort();
    Path tmpdir = dir.resolve("tmp");
    try (RunnableJar jar = RunnableJar.startWithLauncher(dir, port, RunnableJar.appConfig(port, ""),
        Map.of("GREENROOM_STORAGE", "disk", "TMPDIR", tmpdir.toString()))) {
      jar.awaitReady("example");
      // a folder the launcher was given, not one of its own: its own is deleted by its shutdown hook
      // under whatever a signal interrupts (RunnableJarSignalDuringStartIT)
      Path cache = tmpdir.resolve("greenroom-cache-" + jar.pid());
      assertTrue("the cache in $TMPDIR: " + cache, Files.isDirectory(cache));
      try (Stream<Path> tmp = Files.list(tmpdir)) {
        assertFalse("no launcher's own folder", tmp.anyMatch(p -> p.getFileName().toString().endsWith(".fw")));
      }
      jar.terminate();
      assertEquals("exit code after SIGTERM; output:\n" + jar.output(), 0, jar.awaitExit(EXIT));
      assertFalse("the cache is deleted at exit", Files.exists(cache));
      RunnableJar.assertNoWarnOrErrorLines(jar.output());
    }
  }
}
