package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.Test;

/**
 * {@code backend.https: true} in the runnable jar: Pax Web's secure connector serves the generated
 * self-signed certificate (cached as {@code .dev-cert.pem} in the working directory, as Backstage
 * does) on {@code backend.listen.port} and nothing speaks plain HTTP there; discovery's internal
 * URLs are https, and a plugin-to-plugin call over them works (fixture {@code caller} gets a
 * service token and calls {@code callee}, which verifies it against caller's JWKS, fetched over
 * https too). A certificate file that is no certificate fails the start, naming the config key.
 */
public class RunnableJarHttpsIT {
  private static final Duration EXIT = Duration.ofSeconds(120);

  @Test
  public void aGeneratedCertificateIsServedAndPluginsCallEachOtherOverHttps() throws Exception {
    Path dir = RunnableJar.workDir("https-generated");
    RunnableJar.deploy(dir, "svc-callee");
    RunnableJar.deploy(dir, "svc-caller");
    int port = RunnableJar.freePort();
    String config = RunnableJar.appConfig(port, "  baseUrl: https://localhost:" + port + "\n  https: true\n");
    try (RunnableJar jar = RunnableJar.start(dir, port, config, false)) {
      HttpClient client = awaitHttps(jar, dir, port);
      HttpResponse<String> probe = get(client, port, "/api/caller/probe/callee");
      assertEquals(probe.body(), 200, probe.statusCode());
      assertEquals("caller called callee at discovery's https URL with a token callee verified",
          "{\"status\":200,\"body\":\"{\\\"subject\\\":\\\"plugin:caller\\\"}\"}", probe.body());
      HttpResponse<String> readiness = get(client, port, Http.READINESS);
      assertEquals(200, readiness.statusCode());
      assertNotEquals("the port does not answer plain HTTP", 200, Http.get(port, Http.EXAMPLE_HEALTH).status());
      String output = jar.output();
      // greenroom-config's seed generated it before Pax Web started; the HTTP bundle then uses it
      assertTrue(output, output.contains("Using existing self-signed certificate"));
      assertTrue(Files.readString(dir.resolve(".dev-cert.pem")).contains("-----BEGIN PRIVATE KEY-----"));
      assertTrue(output, output.contains("Listening on 127.0.0.1:" + port));
      jar.terminate();
      assertEquals("exit code; output:\n" + jar.output(), 0, jar.awaitExit(Duration.ofSeconds(90)));
    }
  }

  @Test
  public void aCertificateFileThatIsNoCertificateFailsTheStartNamingTheKey() throws Exception {
    Path dir = RunnableJar.workDir("https-bad-key");
    Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    Files.writeString(dir.resolve("key.pem"), "not a key\n");
    int port = RunnableJar.freePort();
    String config = RunnableJar.appConfig(port,
        "  https:\n    certificate:\n      cert: { $file: cert.pem }\n      key: { $file: key.pem }\n");
    try (RunnableJar jar = RunnableJar.start(dir, port, config, false)) {
      int code = jar.awaitExit(EXIT);
      assertNotEquals("exit code; output:\n" + jar.output(), 0, code);
      assertTrue("the error is the last line; output:\n" + jar.output(),
          jar.lastLine().contains("Invalid config value at 'backend.https.certificate.cert': the certificate cannot be read"));
    }
  }

  @Test
  public void aMissingCertificateFileFailsTheStartNamingTheFile() throws Exception {
    Path dir = RunnableJar.workDir("https-missing-file");
    int port = RunnableJar.freePort();
    String config = RunnableJar.appConfig(port,
        "  https:\n    certificate:\n      cert: { $file: missing-cert.pem }\n      key: { $file: missing-key.pem }\n");
    try (RunnableJar jar = RunnableJar.start(dir, port, config, false)) {
      int code = jar.awaitExit(EXIT);
      assertNotEquals("exit code; output:\n" + jar.output(), 0, code);
      assertTrue("the error is the last line; output:\n" + jar.output(), jar.lastLine().contains("missing-cert.pem"));
    }
  }

  /** Waits for readiness over https, trusting the certificate the jar cached in its working directory. */
  private static HttpClient awaitHttps(RunnableJar jar, Path dir, int port) throws Exception {
    long deadline = System.nanoTime() + RunnableJar.START.toNanos();
    HttpClient client = null;
    while (System.nanoTime() < deadline) {
      if (!jar.isAlive()) {
        fail("the process exited before it was ready; output:\n" + jar.output());
      }
      Path cached = dir.resolve(".dev-cert.pem");
      if (client == null && Files.exists(cached)) {
        client = trusting(Files.readString(cached, StandardCharsets.UTF_8));
      }
      if (client != null) {
        try {
          if (get(client, port, Http.READINESS).statusCode() == 200) {
            return client;
          }
        } catch (java.io.IOException notYet) {
          // connector not up yet
        }
      }
      Thread.sleep(200);
    }
    fail("not ready over https within " + RunnableJar.START + "; output:\n" + jar.output());
    return null;
  }

  private static HttpClient trusting(String pem) throws Exception {
    int start = pem.indexOf("-----BEGIN CERTIFICATE-----");
    int end = pem.indexOf("-----END CERTIFICATE-----");
    if (start < 0 || end < 0) {
      return null;
    }
    String block = pem.substring(start, end + "-----END CERTIFICATE-----".length());
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("dev-cert", cert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
