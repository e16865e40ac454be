package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/**
 * The connector-level settings on Pax Web in the runnable jar: a plugin's {@code backend.rateLimit}
 * on the redis store (Redis at 127.0.0.1:6379), client addresses from {@code X-Forwarded-For}
 * behind a trusted (loopback) proxy, and {@code backend.server.keepAliveTimeout} as Jetty's
 * connector idle timeout (an idle keep-alive connection is closed by the server after it, where
 * Jetty's default would keep it 30 s).
 */
public class RunnableJarServerLimitsIT {
  static final String BODY_429 =
      "{\"error\":{\"name\":\"Error\",\"message\":\"Too many requests, please try again later\"},\"response\":{\"statusCode\":429}}";

  @Test
  public void aPluginLimitOnRedisForwardedClientsAndTheIdleTimeoutApplyOnPaxWeb() throws Exception {
    Path dir = RunnableJar.workDir("server-limits");
    int port = RunnableJar.freePort();
    redis("DEL", "example198.51.100.7", "example198.51.100.8");
    String config = RunnableJar.appConfig(port, ""
        + "  trustProxy: loopback\n"
        + "  rateLimit:\n"
        + "    global: false\n"
        + "    store: { type: redis, connection: 'redis://127.0.0.1:6379' }\n"
        + "    plugin:\n"
        + "      example: { incomingRequestLimit: 2, ipAllowList: ['203.0.113.9'] }\n"
        + "  server:\n"
        + "    keepAliveTimeout: 1500ms\n");
    try (RunnableJar jar = RunnableJar.start(dir, port, config, false)) {
      jar.awaitReady("example");
      String first = request(port, Http.EXAMPLE_HEALTH, "198.51.100.7");
      assertTrue(first, first.startsWith("HTTP/1.1 200"));
      assertTrue(first, first.contains("X-RateLimit-Limit: 2"));
      assertTrue(first, first.contains("X-RateLimit-Remaining: 1"));
      assertTrue(request(port, Http.EXAMPLE_HEALTH, "198.51.100.7").startsWith("HTTP/1.1 200"));
      String refused = request(port, Http.EXAMPLE_HEALTH, "198.51.100.7");
      assertTrue(refused, refused.startsWith("HTTP/1.1 429"));
      assertTrue(refused, refused.contains("Retry-After: "));
      assertTrue(refused, refused.endsWith("\r\n\r\n" + BODY_429));
      assertEquals("the count is in Redis, under Backstage's plugin prefix", "3", redis("GET", "example198.51.100.7"));
      assertTrue(request(port, Http.EXAMPLE_HEALTH, "198.51.100.8").startsWith("HTTP/1.1 200"));
      for (int i = 0; i < 3; i++) {
        String allowed = request(port, Http.EXAMPLE_HEALTH, "203.0.113.9");
        assertTrue(allowed, allowed.startsWith("HTTP/1.1 200") && !allowed.contains("X-RateLimit-Limit"));
      }
      assertTrue("the idle keep-alive connection was closed by the server", closedWhenIdle(port));
      jar.terminate();
      assertEquals("exit code; output:\n" + jar.output(), 0, jar.awaitExit(Duration.ofSeconds(90)));
    }
  }

  /** One GET with {@code X-Forwarded-For} on its own connection; the whole answer. */
  private static String request(int port, String path, String forwardedFor) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Forwarded-For: " + forwardedFor
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A keep-alive request, its answer read, then waits (at most 20 s) for the server to close the connection. */
  private static boolean closedWhenIdle(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET " + Http.READINESS + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        head.write(in.read());
      }
      String headers = head.toString(StandardCharsets.US_ASCII);
      int at = headers.indexOf("Content-Length: ");
      int length = Integer.parseInt(headers.substring(at + 16, headers.indexOf("\r\n", at)).trim());
      in.readNBytes(length);
      try {
        return in.read() == -1;
      } catch (SocketTimeoutException stillOpen) {
        return false;
      } catch (IOException reset) {
        return true;
      }
    }
  }

  /** One Redis command over RESP; the reply's value as text (null for a nil bulk string). */
  private static String redis(String... command) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 6379), 5_000);
      socket.setSoTimeout(5_000);
      StringBuilder out = new StringBuilder("*" + command.length + "\r\n");
      for (String part : command) {
        out.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
      }
      socket.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      String line = readLine(in);
      if (line.startsWith("$")) {
        int length = Integer.parseInt(line.substring(1));
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
      }
      return line.substring(1);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n' && b != -1) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
