package dev.greenroom.itests;

import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * Base of the ITs that talk HTTP to the launch: Pax Web on a free port, a config file of the test
 * class's own ({@link #appConfig}, framework property {@code greenroom.config}) and a fresh data
 * folder for the plugins' H2 databases. The static external-access token {@value #TOKEN} is
 * configured for every plugin.
 */
public abstract class HttpTestSupport extends GreenroomTestSupport {
  public static final String PORT_PROPERTY = "org.osgi.service.http.port";
  public static final String TOKEN = "itest-static-token";

  /** A plain HTTP answer. */
  public record Answer(int status, String body) {}

  private int port;

  @Override
  protected String configYaml() {
    port = freePort();
    Path data = workDir().resolve("http").resolve(getClass().getSimpleName()).resolve("data");
    try {
      deleteTree(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return baseConfig(port, data) + appConfig();
  }

  @Override
  protected Option[] extraOptions() {
    List<Option> options = new ArrayList<>();
    options.add(frameworkProperty(PORT_PROPERTY).value(String.valueOf(port)));
    options.add(frameworkProperty("org.ops4j.pax.web.listening.addresses").value("127.0.0.1"));
    options.addAll(Arrays.asList(moreOptions()));
    return options.toArray(new Option[0]);
  }

  /** More YAML appended to the config file (top-level keys other than {@code backend}). */
  protected String appConfig() {
    return "";
  }

  /** Options beyond the HTTP setup (fixture bundles, ...). */
  protected Option[] moreOptions() {
    return new Option[0];
  }

  private static String baseConfig(int port, Path data) {
    return "backend:\n"
        + "  listen: { host: 127.0.0.1, port: " + port + " }\n"
        + "  database: { client: h2, connection: { directory: '" + data + "' } }\n"
        + "  auth:\n"
        + "    externalAccess:\n"
        + "      - type: static\n"
        + "        options: { token: " + TOKEN + ", subject: itests }\n";
  }

  // ---- inside the framework ----

  protected int httpPort() {
    return Integer.parseInt(context.getProperty(PORT_PROPERTY));
  }

  protected Answer get(String path, String... headers) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(scheme() + "://127.0.0.1:" + httpPort() + path).toURL().openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(30_000);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      c.setRequestProperty(headers[i], headers[i + 1]);
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return new Answer(status, body);
  }

  /** {@code https} for a test that configures {@code backend.https}. */
  protected String scheme() {
    return "http";
  }

  protected Answer getWithToken(String path) throws IOException {
    return get(path, "Authorization", "Bearer " + TOKEN);
  }

  /** Waits until readiness answers 200 (every plugin started); returns that answer. */
  protected Answer awaitReady(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    Answer last = null;
    while (System.nanoTime() < end) {
      try {
        last = get("/.backstage/health/v1/readiness");
        if (last.status() == 200) {
          return last;
        }
      } catch (IOException notListeningYet) {
        last = new Answer(-1, notListeningYet.toString());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("readiness never answered 200, last: " + last);
  }

  /** Sends {@code rawPath} byte for byte (no client-side normalisation); returns the status line. */
  protected String rawGet(String rawPath) throws IOException {
    String response = rawResponse(rawPath);
    return response.substring(0, response.indexOf("\r\n"));
  }

  /** Sends {@code rawPath} byte for byte; returns the whole response (status line, headers, body). */
  protected String rawResponse(String rawPath) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", httpPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
