package dev.greenroom.urlreader.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.errors.NotModifiedError;
import dev.greenroom.backend.api.services.ReadUrlOptions;
import dev.greenroom.backend.api.services.ReadUrlResponse;
import dev.greenroom.backend.api.services.SearchResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plain HTTP through the mux: allow list, conditional reads, upstream's errors, redirects. */
class FetchReaderTest {
  final FakeHost host = newHost();
  final FakeHost other = newHost();

  static FakeHost newHost() {
    try {
      return new FakeHost();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  UrlReaders readers() {
    return UrlReaders.fromConfig(Configs.of(Map.of("backend", Map.of("reading", Map.of("allow",
        List.of(Map.of("host", host.authority())))))));
  }

  @AfterEach
  void stop() {
    host.close();
    other.close();
  }

  @Test
  void readsAnAllowedUrlWithItsEtagAndDate() {
    host.on("/a.txt", 200, Map.of("ETag", "\"v1\"", "Last-Modified", "Sun, 06 Dec 2026 05:00:00 GMT"), "hello".getBytes());
    ReadUrlResponse r = readers().readUrl(host.base() + "/a.txt");
    assertArrayEquals("hello".getBytes(), r.content());
    assertEquals("\"v1\"", r.etag());
    assertEquals(Instant.parse("2026-12-06T05:00:00Z"), r.lastModifiedAt());
  }

  @Test
  void anUnchangedEtagIsNotModifiedAndTheTokenIsSent() {
    host.on("/a.txt", 200, Map.of("ETag", "\"v1\""), "hello".getBytes());
    assertThrows(NotModifiedError.class,
        () -> readers().readUrl(host.base() + "/a.txt", new ReadUrlOptions("\"v1\"", null, "t0k")));
    assertEquals("Bearer t0k", host.seen.get(0).headers().get("authorization"));
    assertEquals("\"v1\"", host.seen.get(0).headers().get("if-none-match"));
  }

  @Test
  void missingIsNotFoundWithUpstreamsMessage() {
    NotFoundError e = assertThrows(NotFoundError.class, () -> readers().readUrl(host.base() + "/nope"));
    assertEquals("could not read " + host.base() + "/nope, 404 Not Found", e.getMessage());
    IllegalStateException e500 = assertThrows(IllegalStateException.class, () -> {
      host.on("/boom", 500, Map.of(), "x".getBytes());
      readers().readUrl(host.base() + "/boom");
    });
    assertEquals("could not read " + host.base() + "/boom, 500 Internal Server Error", e500.getMessage());
  }

  @Test
  void aHostNotInTheAllowListIsRefusedWithUpstreamsMessageAndNothingIsFetched() {
    other.on("/a.txt", "secret");
    NotAllowedError e = assertThrows(NotAllowedError.class, () -> readers().readUrl(other.base() + "/a.txt"));
    assertEquals("Reading from '" + other.base() + "/a.txt' is not allowed. You may need to configure an "
        + "integration for the target host, or add it to the configured list of allowed hosts at "
        + "'backend.reading.allow'", e.getMessage());
    assertEquals(List.of(), other.seen);
    assertEquals(403, e.statusCode());
  }

  @Test
  void aRedirectIsFollowedOnlyToAnAllowedUrl() {
    host.on("/moved", 302, Map.of("Location", "/a.txt"), new byte[0]).on("/a.txt", "here");
    assertArrayEquals("here".getBytes(), readers().readUrl(host.base() + "/moved").content());

    host.on("/away", 302, Map.of("Location", other.base() + "/a.txt"), new byte[0]);
    other.on("/a.txt", "secret");
    NotAllowedError e = assertThrows(NotAllowedError.class, () -> readers().readUrl(host.base() + "/away"));
    assertTrue(e.getMessage().contains("redirected to '" + other.base() + "/a.txt', which is not allowed"), e.getMessage());
    assertEquals(List.of(), other.seen);
  }

  @Test
  void searchFindsTheOneFileOrNone() {
    host.on("/a.txt", 200, Map.of("ETag", "e"), "x".getBytes());
    SearchResponse found = readers().search(host.base() + "/a.txt");
    assertEquals(List.of(host.base() + "/a.txt"), found.files().stream().map(SearchResponse.File::url).toList());
    assertEquals("e", found.etag());
    assertEquals(List.of(), readers().search(host.base() + "/b.txt").files());
  }
}
