package dev.greenroom.http;

import static dev.greenroom.http.RootHttpRouterTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.PluginStarts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code backend.server.requestTimeout}: a handler that has not begun its answer by the deadline is
 * interrupted and the request answers 503; an answer already begun (a stream) is left alone.
 */
@Timeout(60)
class RequestTimeoutTest {

  /** {@code /hang}: waits 30 s (a dead database); {@code /stream}: writes, waits past the deadline, writes. */
  static final class Slow extends HttpServlet {
    private static final long serialVersionUID = 1L;
    final AtomicBoolean interruptLeaked = new AtomicBoolean();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      if (Thread.currentThread().isInterrupted()) {
        interruptLeaked.set(true); // a previous request's deadline must not reach this one
      }
      response.setContentType("text/plain");
      try {
        if (request.getPathInfo().equals("/hang")) {
          Thread.sleep(30_000);
          response.getWriter().write("too late");
        } else {
          PrintWriter out = response.getWriter();
          out.write("first ");
          out.flush();
          Thread.sleep(900);
          out.write("second");
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  @Test
  void aHandlerPastTheDeadlineIsInterruptedAndAnswers503() throws Exception {
    HttpBackend http = new HttpBackend(
        Map.of("server", Map.of("requestTimeout", "300ms")), new EmbeddedJetty(), PluginStarts.ASSUME_PENDING);
    Slow slow = new Slow();
    http.builder.add(IsolationPlugins.serving("slow", slow));
    HttpClient client = HttpClient.newHttpClient();
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> answer = IsolationPlugins.send(client, http, "/api/slow/hang");
      assertEquals(503, answer.statusCode());
      assertEquals(
          Map.of("name", "ServiceUnavailableError",
              "message", "Response timeout: plugin 'slow' did not answer within 300 ms"),
          JSON.readValue(answer.body(), Map.class).get("error"));

      HttpResponse<String> stream = IsolationPlugins.send(client, http, "/api/slow/stream");
      assertEquals(200, stream.statusCode());
      assertEquals("first second", stream.body());
      assertTrue(!slow.interruptLeaked.get(), "a timed-out request's interrupt reached a later request");
      assertEquals(1, backend.logs().messages().stream()
          .filter(m -> m.startsWith("Plugin 'slow' did not answer within 300 ms")).count());
      assertEquals(0, backend.logs().records().stream().filter(r -> r.error() != null).count());
    }
  }
}
