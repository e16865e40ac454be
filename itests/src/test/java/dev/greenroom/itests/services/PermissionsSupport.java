package dev.greenroom.itests.services;

import dev.greenroom.itests.GreenroomTestSupport;
import dev.greenroom.itests.HttpTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * The permission ITs' setup: bundle {@code dev.greenroom.permission} (installed like a fixture
 * while runtime.bndrun does not list it) and fixture plugin {@code permprobe}, which registers
 * permissions and answers core.permissions' decision for a user at {@code /api/permprobe/check/<user>}.
 */
public abstract class PermissionsSupport extends HttpTestSupport {
  static final String ALLOW_ALL_BSN = "dev.greenroom.permission.policy.allowall";

  @Override
  protected Option[] moreOptions() {
    List<Option> options = new ArrayList<>();
    if (!inRuntimeSet("greenroom-permission-")) {
      options.add(fixtureBundle("greenroom-permission"));
    }
    options.add(fixtureBundle("perm-probe"));
    return options.toArray(new Option[0]);
  }

  /** Whether the exported run set has a jar named {@code <artifactId>-<version>.jar}. */
  static boolean inRuntimeSet(String artifactPrefix) {
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty(GreenroomTestSupport.RUNTIME_DIR_PROPERTY)))) {
      return jars.anyMatch(j -> j.getFileName().toString().startsWith(artifactPrefix)
          && Character.isDigit(j.getFileName().toString().charAt(artifactPrefix.length())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** core.permissions' decision on {@code permprobe.read} for {@code user:default/<user>}, as JSON. */
  protected String check(String user) throws IOException {
    Answer a = getWithToken("/api/permprobe/check/" + user);
    if (a.status() != 200) {
      throw new AssertionError("check answered " + a);
    }
    return a.body();
  }

  /** Polls {@link #check} until it answers {@code expected} (plugin 'permission' restarts meanwhile). */
  protected void awaitCheck(String user, String expected, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (System.nanoTime() < end) {
      try {
        last = check(user);
        if (last.equals(expected)) {
          return;
        }
      } catch (AssertionError | IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("check(" + user + ") never answered " + expected + ", last: " + last);
  }

  protected Answer post(String path, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + path).toURL().openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(30_000);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Authorization", "Bearer " + TOKEN);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = c.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }
}
