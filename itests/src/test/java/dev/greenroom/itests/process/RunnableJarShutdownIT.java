package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The exported runtime.jar as a process, stopped the three ways an operator stops it: SIGTERM
 * (container runtimes, systemd), SIGINT (Ctrl-C) and {@code stop 0} at the Gogo prompt. Backstage's
 * sequence (packages/backend-app-api/src/wiring/BackendInitializer.ts, {@code #doStop}): root
 * before-shutdown hooks (readiness 503, the {@code backend.lifecycle.serverShutdownDelay} wait while
 * the server still serves), every plugin's shutdown hooks, root shutdown hooks; then exit 0 (its
 * instance registry's exit handler). Pax Exam cannot see this: it has neither the launcher, the
 * start levels nor the signals.
 */
public class RunnableJarShutdownIT {
  private static final Duration EXIT = Duration.ofSeconds(90);
  private static final Duration SHUTDOWN_STARTS = Duration.ofSeconds(30);
  private static final String EXAMPLE_SHUTDOWN_LINE = "example plugin shutting down";

  @Test
  public void sigtermTurnsReadinessOffServesTheDelayRunsHooksInOrderAndExitsZero() throws Exception {
    Path dir = RunnableJar.workDir("sigterm");
    Path record = dir.resolve("record.txt");
    RunnableJar.deploy(dir, "recorder-plugin");
    int port = RunnableJar.freePort();
    String config = RunnableJar.appConfig(port, "  lifecycle:\n    serverShutdownDelay: 4s\n");
    try (RunnableJar jar = RunnableJar.start(dir, port, config, false, "greenroom.itest.record=" + record)) {
      jar.awaitReady("example", "recorder");
      assertFalse("nothing recorded before the signal", Files.exists(record));

      jar.terminate();
      assertServedWhileNotReady(jar);

      assertEquals("exit code after SIGTERM; output:\n" + jar.output(), 0, jar.awaitExit(EXIT));
      String out = jar.output();
      int waiting = out.indexOf("Waiting 4000 ms (backend.lifecycle.serverShutdownDelay) before shutting down");
      int pluginHook = out.indexOf(EXAMPLE_SHUTDOWN_LINE);
      assertTrue("the delay is logged; output:\n" + out, waiting >= 0);
      assertTrue("the example plugin's shutdown hook logged after the delay; output:\n" + out, pluginHook > waiting);
      assertEquals(
          "root before-shutdown, plugin, then root shutdown hooks",
          List.of("root before-shutdown", "plugin recorder shutdown", "root shutdown"),
          Files.readAllLines(record, StandardCharsets.UTF_8));
      assertNoStackTrace(out);
    }
  }

  @Test
  public void aSecondSignalChangesNothing() throws Exception {
    Path dir = RunnableJar.workDir("sigint-twice");
    int port = RunnableJar.freePort();
    String config = RunnableJar.appConfig(port, "  lifecycle:\n    serverShutdownDelay: 3s\n");
    try (RunnableJar jar = RunnableJar.start(dir, port, config, false)) {
      jar.awaitReady("example");

      jar.signal("INT"); // Ctrl-C
      awaitNotReady(jar);
      jar.signal("INT");
      jar.signal("TERM");

      assertEquals("exit code after SIGINT; output:\n" + jar.output(), 0, jar.awaitExit(EXIT));
      String out = jar.output();
      assertEquals("one shutdown only; output:\n" + out, 1, count(out, EXAMPLE_SHUTDOWN_LINE));
      assertEquals("one delay only; output:\n" + out, 1, count(out, "(backend.lifecycle.serverShutdownDelay)"));
      assertNoStackTrace(out);
    }
  }

  @Test
  public void stopZeroAtTheGogoPromptShutsDownTheSameWay() throws Exception {
    Path dir = RunnableJar.workDir("stop-0");
    int port = RunnableJar.freePort();
    String config = RunnableJar.appConfig(port, "  lifecycle:\n    serverShutdownDelay: 3s\n");
    try (RunnableJar jar = RunnableJar.start(dir, port, config, true)) {
      jar.awaitReady("example");

      jar.type("stop 0");
      assertServedWhileNotReady(jar);

      assertEquals("exit code after stop 0; output:\n" + jar.output(), 0, jar.awaitExit(EXIT));
      String out = jar.output();
      assertTrue("the example plugin's shutdown hook ran; output:\n" + out, out.contains(EXAMPLE_SHUTDOWN_LINE));
      assertNoStackTrace(out);
    }
  }

  /**
   * After the stop began: readiness answers 503 (never 200 again), and a regular request on a new
   * connection still answers 200 - the listener serves through the delay.
   */
  private static void assertServedWhileNotReady(RunnableJar jar) throws InterruptedException {
    awaitNotReady(jar);
    Http.Answer regular = Http.get(jar.port, Http.EXAMPLE_HEALTH);
    assertEquals("a regular request during the shutdown delay: " + regular.body(), 200, regular.status());
    Http.Answer readiness = Http.get(jar.port, Http.READINESS);
    assertEquals("readiness stays 503 once the stop began: " + readiness.body(), 503, readiness.status());
    assertTrue(readiness.body(), readiness.body().contains("Backend is shutting down"));
  }

  private static void awaitNotReady(RunnableJar jar) throws InterruptedException {
    long deadline = System.nanoTime() + SHUTDOWN_STARTS.toNanos();
    while (System.nanoTime() < deadline) {
      Http.Answer readiness = Http.get(jar.port, Http.READINESS);
      if (readiness.status() == 503) {
        return;
      }
      assertEquals("readiness before it turned 503 (the port must stay open): " + readiness.body(),
          200, readiness.status());
      Thread.sleep(20);
    }
    throw new AssertionError("readiness did not turn 503 within " + SHUTDOWN_STARTS + "; output:\n" + jar.output());
  }

  private static int count(String text, String fragment) {
    Matcher m = Pattern.compile(Pattern.quote(fragment)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static void assertNoStackTrace(String out) {
    assertFalse("a stack trace in the output:\n" + out, Pattern.compile("(?m)^\\s+at \\S+\\(").matcher(out).find());
  }
}
