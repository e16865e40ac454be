package dev.greenroom.backend.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.ReadTreeResponse;
import dev.greenroom.backend.api.services.SearchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mock URL reader serves files, trees and glob searches from the map it was given. */
class MockUrlReaderTest {
  final MockUrlReader reader = new MockUrlReader(Map.of(
      "https://github.com/o/r/blob/main/catalog-info.yaml", "kind: System",
      "https://github.com/o/r/blob/main/docs/catalog-info.yaml", "kind: Component",
      "https://github.com/o/r/blob/main/docs/index.md", "index"));

  @Test
  void aTreeIsTheFilesUnderItsUrl() {
    ReadTreeResponse tree = reader.readTree("https://github.com/o/r/blob/main/docs");
    assertEquals(List.of("catalog-info.yaml", "index.md"), tree.files().stream().map(ReadTreeResponse.File::path).toList());
    assertThrows(NotFoundError.class, () -> reader.readTree("https://github.com/o/r/blob/main/nothing"));
  }

  @Test
  void aSearchMatchesTheGlob() {
    SearchResponse found = reader.search("https://github.com/o/r/blob/main/**/catalog-info.yaml");
    assertEquals(List.of("https://github.com/o/r/blob/main/catalog-info.yaml", "https://github.com/o/r/blob/main/docs/catalog-info.yaml"),
        found.files().stream().map(SearchResponse.File::url).toList());
    assertEquals(List.of(), reader.search("https://github.com/o/r/blob/main/*.md").files());
    assertEquals(2, reader.reads().size());
  }
}
