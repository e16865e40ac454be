package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.PluginStarts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests held for a plugin's pending start take no server thread: with a 12-thread Jetty, 40
 * held requests leave another plugin answering, and all 40 are served once the plugin starts.
 */
@Timeout(90)
class HeldRequestThreadsTest {
  private static final int THREADS = 12;
  private static final int HELD = 40;

  @Test
  void heldRequestsLeaveTheServersThreadsToOtherPlugins() throws Exception {
    HttpBackend http = new HttpBackend(
        // the 40 released at once must not meet the concurrency bound (default: a third of 12 threads)
        Map.of("lifecycle", Map.of("startupRequestPauseTimeout", "30s"), "server", Map.of("pluginConcurrency", HELD)),
        new EmbeddedJetty(THREADS),
        PluginStarts.ASSUME_PENDING);
    CountDownLatch gate = new CountDownLatch(1);
    http.builder.add(IsolationPlugins.slowStarting("slow", gate)).add(IsolationPlugins.healthy("other"));
    CompletableFuture<TestBackend> started = CompletableFuture.supplyAsync(() -> http.builder.start());
    try {
      FailedPluginRequestsTest.awaitServing(http, "/api/other/health");
      HttpClient client = HttpClient.newHttpClient();
      List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
      for (int i = 0; i < HELD; i++) {
        held.add(client.sendAsync(IsolationPlugins.get(http, "/api/slow/health"), HttpResponse.BodyHandlers.ofString()));
      }
      // let the held requests arrive (a pinned thread each would have used up the pool)
      Thread.sleep(500);
      for (int i = 0; i < 5; i++) {
        assertEquals(200, IsolationPlugins.send(client, http, "/api/other/health").statusCode());
      }
      for (CompletableFuture<HttpResponse<String>> h : held) {
        assertFalse(h.isDone(), "still held while the start is pending");
      }
      gate.countDown();
      for (CompletableFuture<HttpResponse<String>> h : held) {
        HttpResponse<String> answer = h.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertEquals("{\"status\":\"ok\"}", answer.body());
      }
    } finally {
      gate.countDown();
      started.get(30, TimeUnit.SECONDS).close();
    }
  }

  /** Echoes the method and body. */
  static final class Echo extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      response.setContentType("text/plain");
      response.getWriter().write(request.getMethod() + " " + request.getRequestURI() + " " + body);
    }
  }

  @Test
  void aHeldPostIsServedWithItsBodyAndOneRequestLine() throws Exception {
    HttpBackend http = new HttpBackend(
        Map.of("lifecycle", Map.of("startupRequestPauseTimeout", "30s")), new EmbeddedJetty(), PluginStarts.ASSUME_PENDING);
    CountDownLatch gate = new CountDownLatch(1);
    http.builder.add(IsolationPlugins.servingAfter("echo", gate, new Echo())).add(IsolationPlugins.healthy("other"));
    CompletableFuture<TestBackend> started = CompletableFuture.supplyAsync(() -> http.builder.start());
    try {
      FailedPluginRequestsTest.awaitServing(http, "/api/other/health");
      CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient().sendAsync(
          HttpRequest.newBuilder(http.uri("/api/echo/items?x=1")).timeout(IsolationPlugins.CLIENT_TIMEOUT)
              .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertFalse(FailedPluginRequestsTest.waitFor(held, 300), "held while the start is pending");
      gate.countDown();
      HttpResponse<String> answer = held.get(30, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode());
      assertEquals("POST /api/echo/items hello", answer.body());
      // the security headers of the chain are there once, though the chain ran twice
      assertEquals(1, answer.headers().allValues("X-Content-Type-Options").size());
      TestBackend backend = started.get(30, TimeUnit.SECONDS);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      List<String> lines;
      do {
        Thread.sleep(20); // the request log is written by its own thread
        lines = backend.logs().messages().stream().filter(m -> m.contains("\"POST /api/echo/items?x=1 ")).toList();
      } while (lines.isEmpty() && System.nanoTime() < end);
      Thread.sleep(200);
      lines = backend.logs().messages().stream().filter(m -> m.contains("\"POST /api/echo/items?x=1 ")).toList();
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains("\" 200 "), lines.get(0));
    } finally {
      gate.countDown();
      started.get(30, TimeUnit.SECONDS).close();
    }
  }
}
