package dev.greenroom.http.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backend.https} read as Backstage's readHttpsOptions + getGeneratedCertificate. */
class HttpsOptionsTest {
  @TempDir
  Path dir;
  final List<String> lines = new ArrayList<>();
  final ServerLog log = new ServerLog() {
    @Override
    public void info(String message) {
      lines.add("info " + message);
    }

    @Override
    public void warn(String message) {
      lines.add("warn " + message);
    }
  };

  private Optional<ServedCertificate> read(Map<String, Object> backend) {
    return HttpsOptions.read(new MapConfig(Map.of("backend", backend), "app-config.yaml"), dir.resolve(".dev-cert.pem"), log);
  }

  @Test
  void noHttpsNoCertificate() {
    assertTrue(read(Map.of("listen", Map.of("port", 7007))).isEmpty());
  }

  @Test
  void trueGeneratesASelfSignedCertificateForTheBaseUrlsHostAndCachesIt() throws Exception {
    ServedCertificate cert = read(Map.of("https", true, "baseUrl", "https://backstage.example.com:7007")).orElseThrow();
    X509Certificate leaf = cert.leaf();
    leaf.checkValidity();
    leaf.verify(leaf.getPublicKey()); // self-signed
    assertEquals("CN=dev-cert", leaf.getSubjectX500Principal().getName());
    long days = Duration.between(Instant.now(), leaf.getNotAfter().toInstant()).toDays();
    assertTrue(days >= 29 && days <= 30, "valid for 30 days: " + days);
    List<String> names = new ArrayList<>();
    for (List<?> san : leaf.getSubjectAlternativeNames()) {
      names.add(san.get(0) + ":" + san.get(1));
    }
    assertTrue(names.containsAll(List.of("2:localhost", "2:localhost.localdomain", "7:127.0.0.1", "2:backstage.example.com")),
        names.toString());
    assertTrue(leaf.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    assertTrue(Pem.matches(cert.key(), leaf));
    assertEquals(List.of("info Generating new self-signed certificate"), lines);
    assertTrue(Files.readString(dir.resolve(".dev-cert.pem")).contains("-----BEGIN PRIVATE KEY-----"));

    ServedCertificate again = read(Map.of("https", true, "baseUrl", "https://backstage.example.com")).orElseThrow();
    assertEquals(leaf, again.leaf());
    assertEquals("info Using existing self-signed certificate", lines.get(1));
  }

  @Test
  void aCachedCertificateWithFiveDaysOrLessLeftIsReplaced() throws Exception {
    ServedCertificate old = SelfSignedCertificate.generate("localhost", Instant.now().minus(Duration.ofDays(26)));
    Files.writeString(dir.resolve(".dev-cert.pem"), old.pem());
    ServedCertificate cert = read(Map.of("https", true, "baseUrl", "http://localhost:7007")).orElseThrow();
    assertNotEquals(old.leaf(), cert.leaf());
    assertEquals(List.of("info Generating new self-signed certificate"), lines);
  }

  @Test
  void anUnreadableCacheIsReplacedWithAWarning() throws Exception {
    Files.writeString(dir.resolve(".dev-cert.pem"), "garbage");
    read(Map.of("https", true, "baseUrl", "http://localhost:7007")).orElseThrow();
    assertTrue(lines.get(0).startsWith("warn Unable to use existing self-signed certificate, "), lines.toString());
  }

  @Test
  void trueNeedsAUsableBaseUrl() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read(Map.of("https", true, "baseUrl", "not a url")));
    assertEquals("Invalid baseUrl \"not a url\"", e.getMessage());
    assertThrows(RuntimeException.class, () -> read(Map.of("https", true)));
  }

  @Test
  void pemCertificateAndKeyAreServed() throws Exception {
    ServedCertificate made = SelfSignedCertificate.generate("localhost", Instant.now());
    String pem = made.pem();
    String certPem = pem.substring(0, pem.indexOf("-----BEGIN PRIVATE KEY-----"));
    String keyPem = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----"));
    ServedCertificate cert = read(Map.of("https", Map.of("certificate", Map.of("cert", certPem, "key", keyPem)))).orElseThrow();
    assertEquals(made.leaf(), cert.leaf());
    assertTrue(lines.isEmpty());
    // Backstage's documented shape also carries type: pem
    read(Map.of("https", Map.of("certificate", Map.of("type", "pem", "cert", certPem, "key", keyPem)))).orElseThrow();
    // and the key store Pax Web reads holds both under the alias
    assertTrue(cert.keyStore("pw".toCharArray()).isKeyEntry(ServedCertificate.ALIAS));
  }

  @Test
  void badPemInputNamesTheKey() throws Exception {
    ServedCertificate made = SelfSignedCertificate.generate("localhost", Instant.now());
    ServedCertificate other = SelfSignedCertificate.generate("localhost", Instant.now());
    String certPem = Pem.block("CERTIFICATE", made.leaf().getEncoded());
    String otherKey = Pem.block("PRIVATE KEY", other.key().getEncoded());
    assertEquals("Invalid config value at 'backend.https.certificate.key': the private key does not belong to the"
            + " certificate at 'backend.https.certificate.cert' (CN=dev-cert (valid until "
            + made.leaf().getNotAfter().toInstant() + "))",
        assertThrows(IllegalArgumentException.class,
            () -> read(Map.of("https", Map.of("certificate", Map.of("cert", certPem, "key", otherKey))))).getMessage());
    assertEquals("Invalid config value at 'backend.https.certificate.cert': no PEM certificate found"
            + " (expected a '-----BEGIN CERTIFICATE-----' block)",
        assertThrows(IllegalArgumentException.class,
            () -> read(Map.of("https", Map.of("certificate", Map.of("cert", "hello", "key", otherKey))))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> read(Map.of("https", Map.of("certificate", Map.of("cert", certPem,
                "key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))))).getMessage()
        .startsWith("Invalid config value at 'backend.https.certificate.key': the private key cannot be read"));
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> read(Map.of("https", Map.of("certificate", Map.of("cert", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                "key", otherKey))))).getMessage()
        .startsWith("Invalid config value at 'backend.https.certificate.cert': the certificate cannot be read"));
    assertTrue(assertThrows(RuntimeException.class,
        () -> read(Map.of("https", Map.of("certificate", Map.of("cert", certPem))))).getMessage()
        .contains("backend.https.certificate.key"));
    assertEquals("Invalid config value at 'backend.https': 'false' is not true or an object {certificate: {cert, key}}",
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("https", false))).getMessage());
  }

  @Test
  void paxWebKeysPutTheSecureConnectorOnTheListenPort() throws Exception {
    ServedCertificate made = SelfSignedCertificate.generate("localhost", Instant.now());
    String pem = made.pem();
    MapConfig config = new MapConfig(Map.of("backend", Map.of(
        "https", Map.of("certificate", Map.of("cert", pem, "key", pem)),
        "server", Map.of("keepAliveTimeout", "12s"))), "app-config.yaml");
    Path store = dir.resolve("data/keystore.p12");
    Map<String, String> props = PaxWebServer.properties(config, 7150, store, dir.resolve(".dev-cert.pem"), log);
    assertEquals("false", props.get(PaxWebServer.HTTP_ENABLED));
    assertEquals("true", props.get(PaxWebServer.SECURE_ENABLED));
    assertEquals("7150", props.get(PaxWebServer.SECURE_PORT));
    assertEquals(store.toAbsolutePath().toString(), props.get(PaxWebServer.KEYSTORE));
    assertEquals("12000", props.get(PaxWebServer.IDLE_TIMEOUT));
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, props.get(PaxWebServer.KEYSTORE_PASSWORD).toCharArray());
    }
    assertEquals(made.leaf(), ks.getCertificate(ServedCertificate.ALIAS));
    assertTrue(!PaxWebServer.differs(PaxWebServer.decisive(config, 7150), props::get), "the seed's keys are what the HTTP bundle wants");
    assertTrue(PaxWebServer.differs(PaxWebServer.decisive(config, 7151), props::get));
  }

  private static ServerTimeouts timeouts(Map<String, Object> server) {
    return ServerTimeouts.read(new MapConfig(Map.of("backend", Map.of("server", server)), "x"));
  }

  @Test
  void timeoutsMapToJettysIdleTimeout() {
    assertEquals(Optional.of(Duration.ofSeconds(30)), timeouts(Map.of("timeout", "30s", "keepAliveTimeout", 5000)).idleTimeout());
    assertEquals(Optional.of(Duration.ofSeconds(5)), timeouts(Map.of("timeout", 0, "keepAliveTimeout", "PT5S")).idleTimeout());
    ServerTimeouts none = timeouts(Map.of("headersTimeout", "60s", "maxHeadersCount", 100));
    assertEquals(Optional.empty(), none.idleTimeout());
    assertEquals(List.of("backend.server.headersTimeout", "backend.server.maxHeadersCount"), none.unsupported());
    assertEquals("Invalid config value at 'backend.server.keepAliveTimeout': 'soon' is not a duration such as 5s, 500ms or PT5S",
        assertThrows(IllegalArgumentException.class, () -> timeouts(Map.of("keepAliveTimeout", "soon"))).getMessage());
  }
}
