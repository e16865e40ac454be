package dev.greenroom.itests.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One GET per new loopback connection ({@code Connection: close}), so an answer during the
 * shutdown delay proves the listener still accepts connections, not just that a pooled one lives
 * on. Bounded by socket timeouts; a refused or reset connection is status -1.
 */
final class Http {
  static final String READINESS = "/.backstage/health/v1/readiness";
  /** The example plugin's unauthenticated route: a regular request, not a health check. */
  static final String EXAMPLE_HEALTH = "/api/example/health";
  private static final int TIMEOUT_MILLIS = 10_000;

  /** Status and raw body (a chunked body keeps its chunk-size lines; tests only search it). */
  record Answer(int status, String body) {}

  private Http() {}

  static Answer get(int port, String path) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!response.startsWith("HTTP/1.1 ")) {
        return new Answer(-1, response);
      }
      int status = Integer.parseInt(response.substring(9, 12));
      int bodyAt = response.indexOf("\r\n\r\n");
      return new Answer(status, bodyAt < 0 ? "" : response.substring(bodyAt + 4));
    } catch (IOException | RuntimeException e) {
      return new Answer(-1, e.toString());
    }
  }
}
