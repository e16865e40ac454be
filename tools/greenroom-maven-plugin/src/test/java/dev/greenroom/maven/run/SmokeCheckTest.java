package dev.greenroom.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke check's failure when the runtime dies before answering (a jar java cannot run: exit
 * code 1 at once). Its success path runs in the invoker's run-sample build (docs/run.md).
 */
class SmokeCheckTest {
  @TempDir Path tmp;

  @Test
  void aRuntimeThatExitsFirstFailsTheCheckNamingTheUrlAndItsExitCode() throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    Path notRunnable = tmp.resolve("not-runnable.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(notRunnable), m)) {
      out.flush();
    }
    GreenroomProcess.Options options = new GreenroomProcess.Options(notRunnable, tmp, tmp, OptionalInt.empty(), List.of(),
        null, tmp.resolve("output.log"));
    GreenroomRun run = new GreenroomRun(options, new LiveDeployer(options.deployDir(), tmp.resolve("staging"), List.of()),
        line -> {});
    URI url = URI.create("http://127.0.0.1:1/api/todo/health");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run.smoke(url, Duration.ofMinutes(1)));
    assertEquals("Greenroom exited with code 1 before GET " + url + " answered 200", e.getMessage());
    assertTrue(!run.process().isAlive());
  }
}
