package dev.greenroom.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.internal.server.SelfSignedCertificate;
import dev.greenroom.http.internal.server.ServedCertificate;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.PluginStarts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code backend.https} with a PEM certificate on the embedded Jetty: the one port serves https
 * only, discovery's internal URL says https, and a client of this JVM built after the start (as a
 * plugin's is) reaches another plugin there, the served certificate being trusted for it.
 */
@Timeout(60)
class HttpsServerTest {
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void servesHttpsOnTheListenPortAndDiscoveryAdvertisesIt() throws Exception {
    ServedCertificate cert = SelfSignedCertificate.generate("localhost", Instant.now());
    String pem = cert.pem();
    int port = freePort();
    HttpBackend http = new HttpBackend(Map.of(
        "listen", Map.of("host", "127.0.0.1", "port", port),
        "https", Map.of("certificate", Map.of("cert", pem, "key", pem)),
        "server", Map.of("keepAliveTimeout", "7s")), new EmbeddedJetty(), PluginStarts.ASSUME_PENDING);
    http.builder.add(IsolationPlugins.healthy("callee"));
    try (TestBackend backend = http.builder.start()) {
      DiscoveryService discovery = backend.service(CoreServices.DISCOVERY, "caller");
      String url = discovery.getBaseUrl("callee");
      assertEquals("https://127.0.0.1:" + port + "/api/callee", url);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> answer = client.send(
          HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode());
      assertEquals("{\"status\":\"ok\"}", answer.body());
      assertTrue(answer.sslSession().isPresent());
      assertEquals(cert.leaf(), answer.sslSession().get().getPeerCertificates()[0]);
      // the same port does not speak plain HTTP
      assertThrows(IOException.class, () -> client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/callee/health"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()));
      // backend.server.keepAliveTimeout is Jetty's connector idle timeout
      assertEquals(7000, http.jetty.idleTimeout());
    }
  }

  @Test
  void withoutTimeoutsJettyKeepsItsDefault() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("server", Map.of("timeout", "45s")));
    try (TestBackend backend = http.builder.start()) {
      assertEquals(45_000, http.jetty.idleTimeout());
    }
    HttpBackend plain = new HttpBackend();
    try (TestBackend backend = plain.builder.start()) {
      assertEquals(30_000, plain.jetty.idleTimeout()); // Jetty's own default
    }
  }
}
