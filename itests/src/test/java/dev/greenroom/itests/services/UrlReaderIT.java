package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.itests.HttpTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * core.urlReader in Felix (bundle greenroom-urlreader): fixture plugin {@code reader} reads
 * {@code file:} URLs under the allowed directory and gets upstream's 403 for everything else,
 * through a real plugin route.
 */
public class UrlReaderIT extends HttpTestSupport {
  private static Path allowed() {
    return workDir().resolve("urlreader").resolve("allowed");
  }

  @Override
  protected String configYaml() {
    try {
      Files.createDirectories(allowed().resolve("docs"));
      Files.writeString(allowed().resolve("hello.txt"), "hello from a file");
      Files.writeString(allowed().resolve("docs/a.md"), "a");
      Files.writeString(allowed().getParent().resolve("secret.txt"), "no");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return super.configYaml()
        .replaceFirst("backend:\n", "backend:\n  reading:\n    allow:\n      - path: '" + allowed() + "'\n");
  }

  @Override
  protected Option[] moreOptions() {
    return new Option[] {fixtureBundle("svc-reader")};
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  private static String q(Path p) {
    return URLEncoder.encode(p.toUri().toString(), StandardCharsets.UTF_8);
  }

  @Test
  public void aPluginReadsAnAllowedFileAndTree() throws Exception {
    Answer file = get("/api/reader/read?url=" + q(allowed().resolve("hello.txt")));
    assertEquals(file.body(), 200, file.status());
    assertEquals("{\"text\":\"hello from a file\"}", file.body());
    Answer tree = get("/api/reader/tree?url=" + q(allowed()));
    assertEquals(tree.body(), 200, tree.status());
    assertTrue(tree.body(), tree.body().contains("\"paths\":[\"docs/a.md\",\"hello.txt\"]"));
  }

  @Test
  public void anythingElseIsUpstreamsNotAllowedError() throws Exception {
    String outside = allowed().getParent().resolve("secret.txt").toUri().toString();
    Answer refused = get("/api/reader/read?url=" + q(allowed().getParent().resolve("secret.txt")));
    assertEquals(refused.body(), 403, refused.status());
    assertTrue(refused.body(), refused.body().contains("\"name\":\"NotAllowedError\""));
    assertTrue(refused.body(), refused.body().contains("Reading from '" + outside + "' is not allowed."));
    Answer http = get("/api/reader/read?url=" + URLEncoder.encode("http://127.0.0.1:1/x", StandardCharsets.UTF_8));
    assertEquals(http.body(), 403, http.status());
  }
}
