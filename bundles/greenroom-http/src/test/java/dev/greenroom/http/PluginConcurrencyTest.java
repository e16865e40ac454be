package dev.greenroom.http;

import static dev.greenroom.http.RootHttpRouterTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.PluginStarts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code backend.server.pluginConcurrency}: past the bound a plugin's requests answer 503 at once. */
@Timeout(60)
class PluginConcurrencyTest {

  /** Handlers that wait for {@code release} (a hung database, say). */
  static final class Stuck extends HttpServlet {
    private static final long serialVersionUID = 1L;
    final transient CountDownLatch entered;
    final transient CountDownLatch release = new CountDownLatch(1);

    Stuck(int expected) {
      entered = new CountDownLatch(expected);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      entered.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      response.setContentType("text/plain");
      response.getWriter().write("done");
    }
  }

  @Test
  void pastTheBoundAPluginAnswers503NamingItWhileOthersServe() throws Exception {
    HttpBackend http = new HttpBackend(
        Map.of("server", Map.of("pluginConcurrency", 2)), new EmbeddedJetty(), PluginStarts.ASSUME_PENDING);
    Stuck stuck = new Stuck(2);
    http.builder.add(IsolationPlugins.serving("stuck", stuck)).add(IsolationPlugins.healthy("other"));
    HttpClient client = HttpClient.newHttpClient();
    try (TestBackend backend = http.builder.start()) {
      List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        running.add(client.sendAsync(IsolationPlugins.get(http, "/api/stuck/x"), HttpResponse.BodyHandlers.ofString()));
      }
      assertTrue(stuck.entered.await(10, TimeUnit.SECONDS), "both requests reached the handler");

      HttpResponse<String> refused = IsolationPlugins.send(client, http, "/api/stuck/x");
      assertEquals(503, refused.statusCode());
      assertEquals(
          Map.of("name", "ServiceUnavailableError", "message", "Plugin 'stuck' is at its limit of 2 concurrent requests"),
          JSON.readValue(refused.body(), Map.class).get("error"));
      assertEquals(200, IsolationPlugins.send(client, http, "/api/other/health").statusCode());

      stuck.release.countDown();
      for (CompletableFuture<HttpResponse<String>> r : running) {
        assertEquals("done", r.get(10, TimeUnit.SECONDS).body());
      }
      // the permits came back
      assertEquals(200, IsolationPlugins.send(client, http, "/api/stuck/x").statusCode());
      assertEquals(1, backend.logs().messages().stream()
          .filter(m -> m.startsWith("Plugin 'stuck' has 2 requests in progress")).count());
    }
  }

  @Test
  void aBadBoundFailsTheStartNamingTheKey() {
    HttpBackend http = new HttpBackend(
        Map.of("server", Map.of("pluginConcurrency", "lots")), new EmbeddedJetty(), PluginStarts.ASSUME_PENDING);
    http.builder.add(IsolationPlugins.healthy("other"));
    RuntimeException e = assertThrows(RuntimeException.class, () -> http.builder.start().close());
    assertTrue(messages(e).contains(
        "Invalid config value at 'backend.server.pluginConcurrency': 'lots' is not a whole number of at least 1"),
        messages(e));
  }

  static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
