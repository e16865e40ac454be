package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.test.base.RecordingMetrics;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.HttpServices;
import dev.greenroom.http.standalone.PluginPresence;
import dev.greenroom.http.standalone.PluginStarts;
import dev.greenroom.http.standalone.PluginStates;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each plugin's requests are measured where they leave the plugin's slot (docs/metrics.md): counts
 * and durations by plugin, method and status class; holds; the observable waiting and active
 * gauges; and only while a metrics service is there.
 */
@Timeout(60)
class PluginRequestMetricsTest {
  private static final String REQUESTS = "greenroom.plugin.requests";
  private static final String DURATION = "greenroom.plugin.request.duration";

  private final HttpClient client = HttpClient.newHttpClient();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final AtomicReference<RecordingMetrics> source = new AtomicReference<>(metrics);

  private HttpBackend backend() {
    HttpBackend http = new HttpBackend(Map.of(), new EmbeddedJetty(), PluginStarts.ASSUME_PENDING);
    // the same services again, now measured: a later defaultService for an id replaces the earlier
    for (ServiceFactory<?> f : HttpServices.factories(
        http.jetty, PluginStates.NONE, PluginPresence.ALWAYS, PluginStarts.ASSUME_PENDING, source::get)) {
      http.builder.defaultService(f);
    }
    return http;
  }

  private static Map<String, String> labels(String plugin, String method, String statusClass) {
    return Map.of("plugin", plugin, "method", method, "status_class", statusClass);
  }

  @Test
  void requestsAreCountedAndTimedPerPluginMethodAndStatusClass() throws Exception {
    HttpBackend http = backend();
    http.builder.add(IsolationPlugins.healthy("todo")).add(IsolationPlugins.serving("boom", new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) {
        throw new IllegalStateException("boom");
      }
    }));
    try (TestBackend ignored = http.builder.start()) {
      assertEquals(200, IsolationPlugins.send(client, http, "/api/todo/health").statusCode());
      assertEquals(200, IsolationPlugins.send(client, http, "/api/todo/health").statusCode());
      assertEquals(404, IsolationPlugins.send(client, http, "/api/todo/nothing").statusCode());
      assertEquals(500, IsolationPlugins.send(client, http, "/api/boom/x").statusCode());
      assertEquals(200, IsolationPlugins.send(client, http, "/.backstage/health/v1/liveness").statusCode());
      http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/todo/health")).method("BREW", java.net.http.HttpRequest.BodyPublishers.noBody()));

      // a request is measured after its answer is written: wait (bounded) until the last one is
      awaitSum(metrics, REQUESTS, labels("todo", "other", "4xx"), 1.0);
      awaitSum(metrics, REQUESTS, labels("todo", "GET", "2xx"), 2.0);
      awaitSum(metrics, REQUESTS, labels("todo", "GET", "4xx"), 1.0);
      awaitSum(metrics, REQUESTS, labels("boom", "GET", "5xx"), 1.0);
      assertEquals(1.0, metrics.sum(REQUESTS, labels("todo", "other", "4xx")), "unknown methods share one label value");
      awaitSum(metrics, DURATION, labels("todo", "GET", "2xx"), 2.0);
      // the root router's own routes belong to no plugin
      assertEquals(5.0, metrics.sums.entrySet().stream()
          .filter(e -> e.getKey().startsWith(REQUESTS + "{")).mapToDouble(Map.Entry::getValue).sum());
      assertEquals(Map.of(
              "greenroom.plugin.requests.active{plugin=boom}", 0d,
              "greenroom.plugin.requests.active{plugin=todo}", 0d),
          metrics.observe("greenroom.plugin.requests.active"));
    }
    assertTrue(metrics.allCallbacks().isEmpty(), "the stopped backend's callbacks left the metrics service");
  }

  @Test
  void aRequestHeldForThePluginsStartIsCountedAsHeldAndWaitingWhileItWaits() throws Exception {
    HttpBackend http = backend();
    CountDownLatch gate = new CountDownLatch(1);
    http.builder.add(IsolationPlugins.slowStarting("late", gate)).add(IsolationPlugins.healthy("other"));
    CompletableFuture<TestBackend> started = CompletableFuture.supplyAsync(() -> http.builder.start());
    try {
      awaitServing(http, "/api/other/health");
      CompletableFuture<HttpResponse<String>> held =
          client.sendAsync(IsolationPlugins.get(http, "/api/late/health"), HttpResponse.BodyHandlers.ofString());
      Map<String, Double> waiting = Map.of("greenroom.plugin.requests.waiting{plugin=late}", 1d);
      for (int i = 0; i < 500 && !metrics.observe("greenroom.plugin.requests.waiting").entrySet().containsAll(waiting.entrySet()); i++) {
        Thread.sleep(10);
      }
      assertEquals(1d, metrics.observe("greenroom.plugin.requests.waiting").get("greenroom.plugin.requests.waiting{plugin=late}"));
      assertFalse(held.isDone());
      gate.countDown();
      assertEquals(200, held.get(IsolationPlugins.CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode());
      awaitSum(metrics, "greenroom.plugin.requests.held", Map.of("plugin", "late"), 1.0);
      assertEquals(1.0, metrics.sum(REQUESTS, labels("late", "GET", "2xx")), "counted once, not once per dispatch");
      assertEquals(0.0, metrics.sum("greenroom.plugin.requests.held", Map.of("plugin", "other")));
    } finally {
      gate.countDown();
      started.get(30, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void nothingIsMeasuredWhileNoMetricsServiceIsThereAndTheNextOneIsUsedAtOnce() throws Exception {
    source.set(null);
    HttpBackend http = backend();
    http.builder.add(IsolationPlugins.healthy("todo"));
    try (TestBackend ignored = http.builder.start()) {
      assertEquals(200, IsolationPlugins.send(client, http, "/api/todo/health").statusCode());

      RecordingMetrics next = new RecordingMetrics();
      source.set(next);
      assertEquals(200, IsolationPlugins.send(client, http, "/api/todo/health").statusCode());
      // 1, not 2: the first request arrived while no metrics service was there
      awaitSum(next, REQUESTS, labels("todo", "GET", "2xx"), 1.0);
    }
  }

  /** Waits (bounded) until {@code metrics} has {@code expected} for the series, then asserts it. */
  private static void awaitSum(RecordingMetrics metrics, String name, Map<String, ?> labels, double expected)
      throws InterruptedException {
    for (int i = 0; i < 500 && metrics.sum(name, labels) < expected; i++) {
      Thread.sleep(10);
    }
    assertEquals(expected, metrics.sum(name, labels), metrics.sums.toString());
  }

  private void awaitServing(HttpBackend http, String path) throws Exception {
    for (int i = 0; i < 1000; i++) {
      try {
        if (IsolationPlugins.send(client, http, path).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException | IllegalArgumentException notListeningYet) {
        // the server is starting
      }
      Thread.sleep(10);
    }
    throw new AssertionError(path + " never answered 200");
  }
}
