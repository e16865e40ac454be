package dev.greenroom.urlreader.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.errors.NotModifiedError;
import dev.greenroom.backend.api.services.ReadTreeOptions;
import dev.greenroom.backend.api.services.ReadTreeResponse;
import dev.greenroom.backend.api.services.ReadUrlOptions;
import dev.greenroom.backend.api.services.SearchResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file: URLs only under backend.reading.allow paths, links included. */
class FileReaderTest {
  @TempDir Path tmp;

  UrlReaders readers(Path allowed) {
    return UrlReaders.fromConfig(Configs.of(Map.of("backend", Map.of("reading", Map.of("allow",
        List.of(Map.of("path", allowed.toString())))))));
  }

  @Test
  void readsUnderTheAllowedDirectoryAndNothingElse() throws IOException {
    Path allowed = Files.createDirectories(tmp.resolve("templates"));
    Files.writeString(allowed.resolve("a.yaml"), "a: 1");
    Files.writeString(tmp.resolve("secret.txt"), "no");
    UrlReaders readers = readers(allowed);
    var r = readers.readUrl(allowed.resolve("a.yaml").toUri().toString());
    assertArrayEquals("a: 1".getBytes(), r.content());
    assertThrows(NotModifiedError.class,
        () -> readers.readUrl(allowed.resolve("a.yaml").toUri().toString(), new ReadUrlOptions(r.etag(), null, null)));
    assertThrows(NotAllowedError.class, () -> readers.readUrl(tmp.resolve("secret.txt").toUri().toString()));
    assertThrows(NotAllowedError.class,
        () -> readers.readUrl(allowed.toUri() + "../secret.txt"));
  }

  @Test
  void aLinkOutOfTheAllowedDirectoryIsRefused() throws IOException {
    Path allowed = Files.createDirectories(tmp.resolve("templates"));
    Files.writeString(tmp.resolve("secret.txt"), "no");
    Files.createSymbolicLink(allowed.resolve("link.txt"), tmp.resolve("secret.txt"));
    assertThrows(NotAllowedError.class, () -> readers(allowed).readUrl(allowed.resolve("link.txt").toUri().toString()));
    ReadTreeResponse tree = readers(allowed).readTree(allowed.toUri().toString());
    assertEquals(List.of(), tree.files(), "the link is left out of the tree");
  }

  @Test
  void treesAndSearches() throws IOException {
    Path allowed = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(allowed.resolve("docs/guide"));
    Files.writeString(allowed.resolve("catalog-info.yaml"), "kind: System");
    Files.writeString(allowed.resolve("docs/guide/catalog-info.yaml"), "kind: Component");
    Files.writeString(allowed.resolve("docs/index.md"), "index");
    UrlReaders readers = readers(allowed);
    ReadTreeResponse tree = readers.readTree(allowed.toUri().toString(),
        new ReadTreeOptions(null, (path, size) -> !path.endsWith(".md"), null));
    assertEquals(List.of("catalog-info.yaml", "docs/guide/catalog-info.yaml"),
        tree.files().stream().map(ReadTreeResponse.File::path).toList());
    assertThrows(NotModifiedError.class, () -> readers.readTree(allowed.toUri().toString(), ReadTreeOptions.ofEtag(tree.etag())));

    SearchResponse found = readers.search(allowed.toUri() + "**/catalog-info.yaml");
    assertEquals(List.of(
            allowed.resolve("catalog-info.yaml").toUri().toString(),
            allowed.resolve("docs/guide/catalog-info.yaml").toUri().toString()),
        found.files().stream().map(SearchResponse.File::url).toList());
  }
}
