package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * {@code backend.https} with PEM files ({@code $file}) on Pax Web in a launch without
 * greenroom-config's seed (Pax Exam): when the backend starts, the HTTP bundle moves Pax Web's
 * connector to https on the same port (secure connector on, plain HTTP off). Discovery says https
 * and plugin {@code caller} calls {@code callee} there, the JVM's default TLS context trusting the
 * served certificate (so this test's own {@code HttpsURLConnection} does too).
 */
public class HttpsIT extends HttpTestSupport {
  /** target/test-classes/https (from src/test/resources/https), in the JVM that writes the config. */
  static Path tls() {
    try {
      return Path.of(HttpsIT.class.getResource("/https/cert.pem").toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected String configYaml() {
    String yaml = super.configYaml();
    Path tls = tls();
    return yaml.replace("backend:\n", "backend:\n"
        + "  https:\n"
        + "    certificate:\n"
        + "      cert: { $file: '" + tls.resolve("cert.pem") + "' }\n"
        + "      key: { $file: '" + tls.resolve("key.pem") + "' }\n"
        + "  server:\n"
        + "    keepAliveTimeout: 20s\n");
  }

  @Override
  protected String scheme() {
    return "https";
  }

  @Override
  protected Option[] moreOptions() {
    return new Option[] {fixtureBundle("svc-callee"), fixtureBundle("svc-caller")};
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  @Test
  public void pluginsCallEachOtherOverHttpsOnTheOnePort() throws Exception {
    assertEquals(
        new Answer(200, "{\"status\":200,\"body\":\"{\\\"subject\\\":\\\"plugin:caller\\\"}\"}"),
        get("/api/caller/probe/callee"));
    HttpsURLConnection c = (HttpsURLConnection) URI.create("https://127.0.0.1:" + httpPort() + "/api/example/health")
        .toURL().openConnection();
    assertEquals(200, c.getResponseCode());
    assertEquals("CN=greenroom-itests",
        ((java.security.cert.X509Certificate) c.getServerCertificates()[0]).getSubjectX500Principal().getName());
    c.disconnect();
    HttpURLConnection plain = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + "/api/example/health")
        .toURL().openConnection();
    plain.setConnectTimeout(5_000);
    plain.setReadTimeout(5_000);
    int status;
    try {
      status = plain.getResponseCode();
    } catch (java.io.IOException refused) {
      status = -1;
    }
    assertTrue("plain HTTP is not served on the port: " + status, status != 200);
  }
}
