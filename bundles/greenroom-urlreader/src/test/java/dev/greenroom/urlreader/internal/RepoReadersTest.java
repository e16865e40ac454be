package dev.greenroom.urlreader.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.NotModifiedError;
import dev.greenroom.backend.api.services.ReadTreeOptions;
import dev.greenroom.backend.api.services.ReadTreeResponse;
import dev.greenroom.backend.api.services.SearchResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub and GitLab URL shapes against loopback fakes of their APIs. */
class RepoReadersTest {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  final FakeHost api = FetchReaderTest.newHost();

  @AfterEach
  void stop() {
    api.close();
  }

  /** The web host is the fake's authority too: the integration's host decides which reader runs. */
  UrlReaders readers() {
    return UrlReaders.fromConfig(Configs.of(Map.of("integrations", Map.of(
        "github", List.of(Map.of("host", api.authority(), "apiBaseUrl", api.base() + "/gh", "token", "ghp_secret")),
        "gitlab", List.of(Map.of("host", "gitlab.test:1", "apiBaseUrl", api.base() + "/gl", "token", "glpat_secret"))))));
  }

  static byte[] archive(String top) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(top + "/", null);
    entries.put(top + "/README.md", "# r");
    entries.put(top + "/docs/index.md", "index");
    entries.put(top + "/docs/guide/catalog-info.yaml", "kind: Component");
    entries.put(top + "/catalog-info.yaml", "kind: System");
    return FakeHost.zip(entries);
  }

  @Test
  void githubReadsAFileThroughTheContentsApiWithTheIntegrationToken() {
    api.on("/gh/repos/o/r/contents/docs/index.md?ref=main", 200, Map.of("ETag", "\"f1\""), "index".getBytes());
    var r = readers().readUrl("http://" + api.authority() + "/o/r/blob/main/docs/index.md");
    assertArrayEquals("index".getBytes(), r.content());
    assertEquals("\"f1\"", r.etag());
    assertEquals("token ghp_secret", api.seen.get(0).headers().get("authorization"));
    assertEquals("application/vnd.github.v3.raw", api.seen.get(0).headers().get("accept"));
  }

  @Test
  void githubReadsATreeAtItsCommitAndAnUnchangedCommitIsNotModified() throws IOException {
    api.on("/gh/repos/o/r/commits/main", "{\"sha\":\"" + SHA + "\"}")
        .on("/gh/repos/o/r/zipball/" + SHA, 302, Map.of("Location", "/codeload/o-r-" + SHA + ".zip"), new byte[0])
        .on("/codeload/o-r-" + SHA + ".zip", 200, Map.of(), archive("o-r-" + SHA.substring(0, 7)));
    UrlReaders readers = readers();
    ReadTreeResponse tree = readers.readTree("http://" + api.authority() + "/o/r/tree/main/docs");
    assertEquals(SHA, tree.etag());
    assertEquals(List.of("index.md", "guide/catalog-info.yaml"), tree.files().stream().map(ReadTreeResponse.File::path).toList());

    ReadTreeResponse filtered = readers.readTree("http://" + api.authority() + "/o/r/tree/main",
        new ReadTreeOptions(null, (path, size) -> path.endsWith(".md"), null));
    assertEquals(List.of("README.md", "docs/index.md"), filtered.files().stream().map(ReadTreeResponse.File::path).toList());

    int requests = api.seen.size();
    assertThrows(NotModifiedError.class, () -> readers.readTree(
        "http://" + api.authority() + "/o/r/tree/main/docs", ReadTreeOptions.ofEtag(SHA)));
    assertEquals(requests + 1, api.seen.size(), "an unchanged tree costs the commit lookup only");
  }

  @Test
  void githubSearchMatchesTheGlobAndNamesEachFileByItsWebUrl() throws IOException {
    api.on("/gh/repos/o/r/commits/main", "{\"sha\":\"" + SHA + "\"}")
        .on("/gh/repos/o/r/zipball/" + SHA, 200, Map.of(), archive("o-r-x"));
    SearchResponse found = readers().search("http://" + api.authority() + "/o/r/blob/main/**/catalog-info.yaml");
    assertEquals(SHA, found.etag());
    assertEquals(List.of(
            "http://" + api.authority() + "/o/r/blob/main/docs/guide/catalog-info.yaml",
            "http://" + api.authority() + "/o/r/blob/main/catalog-info.yaml"),
        found.files().stream().map(SearchResponse.File::url).toList());
  }

  @Test
  void gitlabReadsFilesAndTreesThroughItsProjectApi() throws IOException {
    api.on("/gl/projects/group%2Fsub%2Fproj/repository/files/docs%2Findex.md/raw?ref=main", "index")
        .on("/gl/projects/group%2Fsub%2Fproj/repository/commits/main", "{\"id\":\"" + SHA + "\"}")
        .on("/gl/projects/group%2Fsub%2Fproj/repository/archive.zip?sha=" + SHA + "&path=docs", 200, Map.of(),
            archive("proj-" + SHA + "-" + SHA + "-docs"));
    UrlReaders readers = readers();
    assertArrayEquals("index".getBytes(),
        readers.readUrl("https://gitlab.test:1/group/sub/proj/-/blob/main/docs/index.md").content());
    assertEquals("Bearer glpat_secret", api.seen.get(0).headers().get("authorization"));
    ReadTreeResponse tree = readers.readTree("https://gitlab.test:1/group/sub/proj/-/tree/main/docs");
    assertEquals(List.of("index.md", "guide/catalog-info.yaml"), tree.files().stream().map(ReadTreeResponse.File::path).toList());
  }

  @Test
  void anArchiveEntryLeavingTheTreeIsRefused() throws IOException {
    api.on("/gh/repos/o/r/commits/main", "{\"sha\":\"" + SHA + "\"}")
        .on("/gh/repos/o/r/zipball/" + SHA, 200, Map.of(), FakeHost.zip(Map.of("top/../../etc/passwd", "root")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> readers().readTree("http://" + api.authority() + "/o/r/tree/main"));
    assertTrue(e.getMessage().contains("entry 'top/../../etc/passwd' leaves the tree"), e.getMessage());
  }

  @Test
  void writeToKeepsFilesInsideTheTarget(@TempDir Path dir) throws IOException {
    ReadTreeResponse tree = new ReadTreeResponse(List.of(new ReadTreeResponse.File("a/b.txt", "x".getBytes(), null)), "e");
    tree.writeTo(dir);
    assertEquals("x", Files.readString(dir.resolve("a/b.txt")));
    ReadTreeResponse evil = new ReadTreeResponse(List.of(new ReadTreeResponse.File("../out.txt", "x".getBytes(), null)), "e");
    assertThrows(IOException.class, () -> evil.writeTo(dir));
  }

  @Test
  void aMalformedRepoUrlNamesTheExpectedShape() {
    var e = assertThrows(dev.greenroom.backend.api.errors.InputError.class,
        () -> readers().readUrl("http://" + api.authority() + "/o/r"));
    assertEquals("Incorrect URL: http://" + api.authority() + "/o/r, expected https://<host>/<owner>/<repo>/blob|tree/<ref>/<path>",
        e.getMessage());
  }
}
