package dev.greenroom.itests.process;

import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/**
 * A fatal startup error ends the runnable jar with a non-zero exit code and the error as the last
 * line, as Backstage's process ends on a rejected {@code backend.start()} (exit 1) instead of
 * living on without a backend.
 */
public class RunnableJarFatalStartIT {
  private static final Duration EXIT = Duration.ofSeconds(120);

  @Test
  public void anInvalidListenPortExitsNonZeroWithTheErrorLast() throws Exception {
    Path dir = RunnableJar.workDir("bad-port");
    int port = RunnableJar.freePort(); // Pax Web's own port, so nothing else is disturbed
    String config = "backend:\n  listen:\n    host: 127.0.0.1\n    port: not-a-port\n";
    try (RunnableJar jar = RunnableJar.start(dir, port, config, false)) {
      int code = jar.awaitExit(EXIT);
      assertNotEquals("exit code; output:\n" + jar.output(), 0, code);
      assertTrue("the error is the last line; output:\n" + jar.output(),
          jar.lastLine().contains("Invalid config value at 'backend.listen.port': 'not-a-port' is not a port number"));
    }
  }

  @Test
  public void aBootFailureThatAbortsExitsNonZeroWithTheErrorLast() throws Exception {
    Path dir = RunnableJar.workDir("abort");
    // a module of 'example' whose register breaks the rules: a module boot failure, 'abort' by default
    RunnableJar.deploy(dir, "broken-module");
    int port = RunnableJar.freePort();
    try (RunnableJar jar = RunnableJar.start(dir, port, RunnableJar.appConfig(port, ""), false)) {
      int code = jar.awaitExit(EXIT);
      assertNotEquals("exit code; output:\n" + jar.output(), 0, code);
      assertTrue("Backstage's startup error is the last line; output:\n" + jar.output(),
          jar.lastLine().contains("Module 'broken' for plugin 'example' startup failed"));
      assertTrue(jar.output(), jar.output().contains("Backend startup failed due to the following errors:"));
    }
  }
}
