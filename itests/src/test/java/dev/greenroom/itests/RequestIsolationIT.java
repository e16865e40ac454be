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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

/**
 * On real Felix and Pax Web: a plugin that failed to start (fixture {@code live} with {@code
 * live.fail: true}) answers 503 with Backstage's body at once, not after the 30 s pause timeout,
 * and while 100 clients keep hitting it another plugin's health stays 200. Every request here has a
 * 5 s read timeout: an answer within it was not held for the pause.
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
    awaitReady(LONG);
    deployAs(fixtureJar("live-plugin"), "live-plugin.jar");
    awaitPlugin("live", "FAILED", p -> p.state() == FeatureState.FAILED);

    assertEquals(
        new Answer(503, "{\"error\":{\"name\":\"ServiceUnavailableError\",\"message\":\"Service has not started up yet\"},"
            + "\"request\":{\"method\":\"GET\",\"url\":\"/api/live/hello\"},\"response\":{\"statusCode\":503}}"),
        quickGet("/api/live/hello"));

    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<String>> hammers = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        hammers.add(clients.submit(() -> {
          int n = 0;
          while (!stop.get()) {
            Answer a = quickGet("/api/live/hello");
            if (a.status() != 503) {
              return "unexpected answer " + a;
            }
            n++;
          }
          return n > 0 ? null : "no request made";
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
    for (Future<String> h : hammers) {
      assertEquals(null, h.get());
    }
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
