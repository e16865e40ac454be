package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.PluginStarts;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that trickles its request body holds the handler's thread in a blocking read; {@code
 * backend.server.requestTimeout} interrupts the read and answers 503 instead of waiting for the
 * client (Jetty's blocking read is interruptible).
 */
@Timeout(60)
class SlowClientTest {

  /** Reads the whole body, then answers its length. */
  static final class ReadsBody extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      int n = request.getInputStream().readAllBytes().length;
      response.setContentType("text/plain");
      response.getWriter().write(String.valueOf(n));
    }
  }

  @Test
  void aTricklingBodyIsCutAtTheDeadline() throws Exception {
    HttpBackend http = new HttpBackend(
        Map.of("server", Map.of("requestTimeout", "500ms")), new EmbeddedJetty(), PluginStarts.ASSUME_PENDING);
    http.builder.add(IsolationPlugins.serving("upload", new ReadsBody()));
    try (TestBackend backend = http.builder.start();
        Socket socket = new Socket("127.0.0.1", http.jetty.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/upload/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 1000\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // one byte every 100 ms: the whole body would take 100 s; the socket's read timeout is 10 s
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      Thread trickle = new Thread(() -> {
        try {
          for (int i = 0; i < 1000; i++) {
            out.write('x');
            out.flush();
            Thread.sleep(100);
          }
        } catch (IOException | InterruptedException closed) {
          // the server answered and closed, or the test ended
        }
      });
      trickle.setDaemon(true);
      trickle.start();
      try {
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
          answer.write(buf, 0, n);
          if (answer.toString(StandardCharsets.ISO_8859_1).contains("}}")) {
            break;
          }
        }
      } finally {
        trickle.interrupt();
      }
      String text = answer.toString(StandardCharsets.ISO_8859_1);
      assertTrue(text.startsWith("HTTP/1.1 503"), text);
      assertTrue(text.contains("Response timeout: plugin 'upload' did not answer within 500 ms"), text);
    }
  }
}
