package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.test.base.TestBackend;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An error answered before the request's body was read ends the connection, and says so with
 * {@code Connection: close} (ErrorResponses.closeIfBodyUnread). Before, the server closed the
 * connection silently, and a keep-alive client sent its next request on it and got no answer ("HTTP/1.1
 * header parser received no bytes"): seen in CI as a flaky EventBusRoutesTest, a 401 after a 403.
 */
@Timeout(60)
class UnreadBodyTest {

  /** Refuses every request without reading its body, as the credentials barrier does. */
  static final class Refuses extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
      throw new NotAllowedError("not for you");
    }
  }

  private static HttpBackend backend() {
    HttpBackend http = new HttpBackend(Map.of());
    http.builder.add(IsolationPlugins.serving("upload", new SlowClientTest.ReadsBody()));
    http.builder.add(IsolationPlugins.serving("refuses", new Refuses()));
    return http;
  }

  @Test
  void anErrorAnsweredBeforeTheBodyArrivedClosesTheConnectionAndSaysSo() throws Exception {
    HttpBackend http = backend();
    try (TestBackend backend = http.builder.start();
        Socket socket = new Socket("127.0.0.1", http.jetty.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      // the headers only: the body never comes, the answer must not wait for it
      out.write(("POST /api/refuses/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 5000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String head = readHead(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 403 "), head);
      assertTrue(head.toLowerCase().contains("\r\nconnection: close\r\n"), head);
    }
  }

  @Test
  void aKeepAliveClientsNextRequestAfterARejectedBodyIsAnswered() throws Exception {
    HttpBackend http = backend();
    try (TestBackend backend = http.builder.start()) {
      HttpClient client = HttpClient.newHttpClient();
      URI base = URI.create("http://127.0.0.1:" + http.jetty.port());
      String body = "{\"x\":\"" + "y".repeat(20_000) + "\"}";
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        try {
          HttpResponse<String> rejected = client.send(HttpRequest.newBuilder(base.resolve("/api/refuses/x"))
              .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
              HttpResponse.BodyHandlers.ofString());
          assertEquals(403, rejected.statusCode());
          HttpResponse<String> next = client.send(HttpRequest.newBuilder(base.resolve("/api/upload/x"))
              .POST(HttpRequest.BodyPublishers.ofString("abc")).build(), HttpResponse.BodyHandlers.ofString());
          assertEquals(200, next.statusCode());
          assertEquals("3", next.body());
        } catch (IOException e) {
          failures.add(i + ": " + e);
        }
      }
      assertEquals(List.of(), failures, "requests that got no answer");
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
