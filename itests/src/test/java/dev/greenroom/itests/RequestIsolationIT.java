package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.itests.live.LiveSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * On real Felix and Pax Web: a plugin that failed to start (fixture {@code live} with {@code
 * live.fail: true}) answers 503 with Backstage's body at once, not after the 30 s pause timeout,
 * and while 100 clients keep hitting it another plugin's health stays 200. Every request here has a
 * 5 s read timeout: an answer within it was not held for the pause. The log has one line for the
 * failing plugin and none per refused request (before: an error with a stack trace each).
 */
public class RequestIsolationIT extends LiveSupport {
  private static final int READ_TIMEOUT_MILLIS = 5_000;
  private static final int CLIENTS = 100;

  @Override
  protected String configYaml() {
    return super.configYaml().replaceFirst("backend:\n",
        "backend:\n  startup: { default: { onPluginBootFailure: continue } }\n"
            + "  lifecycle: { startupRequestPauseTimeout: 30s }\n")
        + "live:\n  fail: true\n";
  }

  @Test
  public void aFailedPluginAnswers503AtOnceAndAnotherPluginStaysHealthy() throws Exception {
    // the failure this test provokes: one line when the plugin fails, one when its slot starts refusing
    expectLog(logLine("ERROR", "backstage", "Plugin 'live' failed to start: Error: live\\.fail is set "
        + "\\| java\\.lang\\.IllegalStateException: live\\.fail is set$"));
    expectLog(logLine("WARN", "httpRouter", "Plugin 'live' is failing requests with 503 \\(Service has not started up yet\\): "
        + "it failed: Error: live\\.fail is set$"));
    awaitReady(LONG);
    Path log = logToFile();
    deployAs(fixtureJar("live-plugin"), "live-plugin.jar");
    awaitPlugin("live", "FAILED", p -> p.state() == FeatureState.FAILED);

    assertEquals(
        new Answer(503, "{\"error\":{\"name\":\"ServiceUnavailableError\",\"message\":\"Service has not started up yet\"},"
            + "\"request\":{\"method\":\"GET\",\"url\":\"/hello\"},\"response\":{\"statusCode\":503}}"),
        quickGet("/api/live/hello"));

    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Integer>> hammers = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        hammers.add(clients.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            Answer a = quickGet("/api/live/hello");
            if (a.status() != 503) {
              throw new AssertionError("unexpected answer " + a);
            }
            n++;
          }
          return n;
        }));
      }
      for (int i = 0; i < 20; i++) {
        assertEquals(new Answer(200, "{\"status\":\"ok\"}"), quickGet("/api/example/health"));
        Thread.sleep(50);
      }
    } finally {
      stop.set(true);
      clients.shutdown();
      assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
    }
    int requests = 0;
    for (Future<Integer> h : hammers) {
      requests += h.get();
    }

    // the log: one line for the failing slot, none per refused request (before: a stack trace each)
    List<String> lines = awaitRequestLines(log, requests);
    List<String> slotLines = lines.stream().filter(l -> l.contains("is failing requests with 503")).toList();
    assertEquals(List.of("httpRouter||Plugin 'live' is failing requests with 503 (Service has not started up yet): "
        + "it failed: Error: live.fail is set"), slotLines);
    List<String> refusedLogged = lines.stream()
        .filter(l -> l.contains("RefusedRequest") || l.contains("Request failed with status 503")).toList();
    assertEquals(List.of(), refusedLogged);
    long requestLines = requestLines(lines);
    assertTrue(requests + " requests, " + requestLines + " request lines", requestLines >= requests);
    assertTrue("at most a line per request and a few others: " + lines.size() + " lines for " + requests
        + " requests", lines.size() < requestLines + 50);
  }

  /** The log's lines once it has at least {@code requests} request lines (its writer thread may lag). */
  private static List<String> awaitRequestLines(Path log, int requests) throws Exception {
    long end = System.nanoTime() + LONG.toNanos();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    while (requestLines(lines) < requests && System.nanoTime() < end) {
      Thread.sleep(100);
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    }
    return lines;
  }

  private static long requestLines(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("rootHttpRouter|incomingRequest|")).count();
  }

  /**
   * Sends this framework's log to a file, one line per message with its service and type (as
   * LoggingIT does); returns the file once a request line shows the configuration applies.
   */
  private Path logToFile() throws Exception {
    ConfigurationAdmin cm = awaitService(ConfigurationAdmin.class, null, TIMEOUT);
    Configuration pax = cm.getConfiguration("org.ops4j.pax.logging", "?");
    Path file = workDir().resolve("request-isolation-it").resolve("backend.log");
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Dictionary<String, Object> props = new Hashtable<>();
    props.put("log4j2.rootLogger.level", "info");
    props.put("log4j2.rootLogger.appenderRef.file.ref", "file");
    props.put("log4j2.appender.file.type", "File");
    props.put("log4j2.appender.file.name", "file");
    props.put("log4j2.appender.file.fileName", file.toString());
    props.put("log4j2.appender.file.immediateFlush", "true");
    props.put("log4j2.appender.file.layout.type", "PatternLayout");
    // a stack trace, if any were logged, comes out as lines of its own
    props.put("log4j2.appender.file.layout.pattern", "%X{service}|%X{type}|%m%n%throwable");
    pax.update(props);
    long end = System.nanoTime() + LONG.toNanos();
    while (System.nanoTime() < end) {
      assertEquals(200, quickGet("/api/example/health").status());
      if (Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .anyMatch(l -> l.startsWith("rootHttpRouter|incomingRequest|"))) {
        return file;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the log configuration never applied: " + file);
  }

  /** A GET that fails (SocketTimeoutException) if no answer comes within 5 s. */
  private Answer quickGet(String path) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + path).toURL().openConnection();
    c.setConnectTimeout(READ_TIMEOUT_MILLIS);
    c.setReadTimeout(READ_TIMEOUT_MILLIS);
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return new Answer(status, body);
  }
}
