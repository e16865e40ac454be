package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/**
 * Paths Jetty calls ambiguous ({@code %2F}, {@code %5C}, {@code %2E}, {@code ;}, {@code //}) on Pax
 * Web in the runnable jar: with Jetty's default URI compliance Jetty refused them while reading the
 * request with its own HTML page and without the security headers; with the HTTP configuration
 * greenroom-config's seed gives Pax Web (PaxWebJettyXml) they reach the root dispatcher, whose path
 * guard answers Backstage's JSON 400 with the security headers, as every other answer. Raw socket:
 * an HTTP client would normalize the path.
 */
public class RunnableJarContainerErrorsIT {
  @Test
  public void ambiguousPathsGetTheJsonErrorWithTheSecurityHeaders() throws Exception {
    Path dir = RunnableJar.workDir("container-errors");
    int port = RunnableJar.freePort();
    try (RunnableJar jar = RunnableJar.start(dir, port, RunnableJar.appConfig(port, ""), false)) {
      jar.awaitReady("example");
      String answer = get(port, "/api/example/a%2Fb?access_token=s3cret");
      assertTrue(answer, answer.startsWith("HTTP/1.1 400 "));
      assertSecurityHeaders(answer);
      assertTrue(answer, answer.contains("\r\nContent-Type: application/json"));
      assertTrue(answer, answer.endsWith("\r\n\r\n{\"error\":{\"name\":\"InputError\",\"message\":\"Invalid request path\"},"
          + "\"request\":{\"method\":\"GET\",\"url\":\"/api/example/a%2Fb?access_token=***\"},\"response\":{\"statusCode\":400}}"));
      for (String path : new String[] {"/api/example/a%5Cb", "/api/example/%2E%2E/health", "/api/example/a;x=1/health",
          "/api/example//health", "/api/example/a%252Fb"}) {
        String refused = get(port, path);
        assertTrue(path + ": " + refused, refused.startsWith("HTTP/1.1 400 "));
        assertSecurityHeaders(refused);
        assertTrue(path + ": " + refused, refused.contains("{\"error\":{\"name\":\"InputError\",\"message\":\"Invalid request path\"}"));
      }
      String ok = get(port, Http.EXAMPLE_HEALTH);
      assertTrue(ok, ok.startsWith("HTTP/1.1 200 "));
      assertFalse("Pax Web's own HTTP configuration: no server version\n" + ok, ok.contains("\r\nServer: "));
      assertFalse("Pax Web read the Jetty XML file without complaint\n" + jar.output(), jar.output().contains("Problem parsing"));
      jar.terminate();
      assertEquals("exit code; output:\n" + jar.output(), 0, jar.awaitExit(Duration.ofSeconds(90)));
    }
  }

  private static void assertSecurityHeaders(String answer) {
    for (String header : new String[] {"Content-Security-Policy: default-src 'self';", "X-Content-Type-Options: nosniff",
        "X-Frame-Options: SAMEORIGIN", "Strict-Transport-Security: max-age=15552000; includeSubDomains",
        "Referrer-Policy: no-referrer"}) {
      assertTrue(header + "\n" + answer, answer.contains("\r\n" + header));
    }
    assertFalse(answer, answer.contains("<html>"));
  }

  /** One GET of a raw (not normalized) path on its own connection; the whole answer. */
  private static String get(int port, String rawPath) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
