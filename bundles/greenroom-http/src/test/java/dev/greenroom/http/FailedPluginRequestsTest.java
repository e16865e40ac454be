package dev.greenroom.http;

import static dev.greenroom.http.IsolationPlugins.CONTINUE_ON_BOOT_FAILURE;
import static dev.greenroom.http.RootHttpRouterTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.test.base.LogRecord;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A plugin with no start pending (failed) answers 503 at once, not after the pause timeout (30 s
 * here, against a 5 s client timeout), with one log line for it rather than one per request.
 */
@Timeout(60)
class FailedPluginRequestsTest {
  private static final Map<String, Object> CONFIG = Map.of(
      "lifecycle", Map.of("startupRequestPauseTimeout", "30s"),
      "startup", CONTINUE_ON_BOOT_FAILURE);

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aFailedPluginAnswers503AtOnceWithBackstagesErrorBody() throws Exception {
    IsolationPlugins.FailedPlugins states = new IsolationPlugins.FailedPlugins();
    HttpBackend http = new HttpBackend(CONFIG, new EmbeddedJetty(), states::noStartPending);
    http.builder.add(IsolationPlugins.failing("broken", null)).add(IsolationPlugins.healthy("other"));
    try (TestBackend backend = http.builder.start()) {
      states.addFrom(backend.startupResult());
      assertTrue(states.failed.contains("broken"), "the fixture plugin failed to start");

      HttpResponse<String> answer = IsolationPlugins.send(client, http, "/api/broken/things?x=1");
      assertEquals(503, answer.statusCode());
      assertEquals(
          Map.of(
              "error", Map.of("name", "ServiceUnavailableError", "message", "Service has not started up yet"),
              "request", Map.of("method", "GET", "url", "/things?x=1"), // plugin-relative, as Backstage
              "response", Map.of("statusCode", 503)),
          JSON.readValue(answer.body(), Map.class));
      assertEquals(200, IsolationPlugins.send(client, http, "/api/other/health").statusCode());
    }
  }

  @Test
  void aRequestHeldWhileThePluginStartsIsAnsweredWhenItFails() throws Exception {
    IsolationPlugins.FailedPlugins states = new IsolationPlugins.FailedPlugins();
    HttpBackend http = new HttpBackend(CONFIG, new EmbeddedJetty(), states::noStartPending);
    CountDownLatch gate = new CountDownLatch(1);
    http.builder.add(IsolationPlugins.failing("late", gate)).add(IsolationPlugins.healthy("other"));
    CompletableFuture<TestBackend> started = CompletableFuture.supplyAsync(() -> http.builder.start());
    try {
      awaitServing(http, "/api/other/health");
      CompletableFuture<HttpResponse<String>> held =
          client.sendAsync(IsolationPlugins.get(http, "/api/late/x"), HttpResponse.BodyHandlers.ofString());
      assertFalse(waitFor(held, 300), "held while the start is pending");
      // the start fails: the runtime says so, the held request is answered without the 30 s pause
      states.failed.add("late");
      gate.countDown();
      HttpResponse<String> answer = held.get(IsolationPlugins.CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(503, answer.statusCode());
      assertEquals("Service has not started up yet",
          ((Map<?, ?>) JSON.readValue(answer.body(), Map.class).get("error")).get("message"));
    } finally {
      gate.countDown();
      started.get(30, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void refusedRequestsLogOneLinePerChangeAndNoStackTraces() throws Exception {
    IsolationPlugins.FailedPlugins states = new IsolationPlugins.FailedPlugins();
    HttpBackend http = new HttpBackend(CONFIG, new EmbeddedJetty(), states::noStartPending);
    http.builder.add(IsolationPlugins.failing("broken", null));
    try (TestBackend backend = http.builder.start()) {
      states.addFrom(backend.startupResult());
      int before = backend.logs().records().size();
      for (int i = 0; i < 50; i++) {
        assertEquals(503, IsolationPlugins.send(client, http, "/api/broken/x").statusCode());
      }
      List<LogRecord> lines = backend.logs().records().subList(before, backend.logs().records().size());
      // before: an error line with the 503's stack trace per request (~36 lines each in a log file)
      assertEquals(List.of(), lines.stream().filter(r -> r.error() != null).toList());
      List<String> slotLines = lines.stream().map(LogRecord::message)
          .filter(m -> m.startsWith("Plugin 'broken'")).toList();
      assertEquals(
          List.of("Plugin 'broken' is failing requests with 503 (Service has not started up yet): it failed: Boom"),
          slotLines);
    }
  }

  /** Polls until {@code path} answers 200 (the backend starts on another thread). */
  static void awaitServing(HttpBackend http, String path) throws Exception {
    HttpClient c = HttpClient.newHttpClient();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (http.jetty.port() > 0 && IsolationPlugins.send(c, http, path).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > end) {
        throw new AssertionError(path + " never answered 200");
      }
      Thread.sleep(20);
    }
  }

  /** Whether {@code f} completes within {@code millis}. */
  static boolean waitFor(CompletableFuture<?> f, long millis) throws Exception {
    try {
      f.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException stillRunning) {
      return false;
    }
  }
}
