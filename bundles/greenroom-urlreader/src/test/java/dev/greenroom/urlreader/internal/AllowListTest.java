package dev.greenroom.urlreader.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** backend.reading.allow as upstream's FetchUrlReader.factory reads it. */
class AllowListTest {
  static AllowList allow(Object... entries) {
    return AllowList.fromConfig(Configs.of(Map.of("backend", Map.of("reading", Map.of("allow", List.of(entries))))));
  }

  @Test
  void anExactHostAllowsItsDefaultPortOnly() {
    AllowList a = allow(Map.of("host", "example.com"));
    assertTrue(a.allowsHttp(URI.create("https://example.com/x")));
    assertTrue(a.allowsHttp(URI.create("http://EXAMPLE.com/x")));
    assertFalse(a.allowsHttp(URI.create("https://example.com:8443/x")));
    assertFalse(a.allowsHttp(URI.create("https://evil-example.com/x")));
    assertFalse(a.allowsHttp(URI.create("https://example.com.evil.org/x")));
    assertFalse(a.allowsHttp(URI.create("ftp://example.com/x")));
  }

  @Test
  void aWildcardAllowsSubdomainsNotTheApex() {
    AllowList a = allow(Map.of("host", "*.example.com"));
    assertTrue(a.allowsHttp(URI.create("https://docs.example.com/x")));
    assertTrue(a.allowsHttp(URI.create("https://a.b.example.com/x")));
    assertFalse(a.allowsHttp(URI.create("https://example.com/x")));
    assertFalse(a.allowsHttp(URI.create("https://badexample.com/x")));
  }

  @Test
  void portsAndPortRanges() {
    AllowList a = allow(Map.of("host", "127.0.0.1:8000-9000"), Map.of("host", "localhost:443"));
    assertTrue(a.allowsHttp(URI.create("http://127.0.0.1:8080/x")));
    assertFalse(a.allowsHttp(URI.create("http://127.0.0.1:9001/x")));
    assertFalse(a.allowsHttp(URI.create("http://127.0.0.1/x")));
    assertTrue(a.allowsHttp(URI.create("https://localhost/x")), "443 is https' default port");
  }

  @Test
  void pathsArePrefixesOfTheNormalisedPath() {
    AllowList a = allow(Map.of("host", "example.com", "paths", List.of("/docs/")));
    assertTrue(a.allowsHttp(URI.create("https://example.com/docs/a.md")));
    assertFalse(a.allowsHttp(URI.create("https://example.com/docs/../secrets/a")));
    assertFalse(a.allowsHttp(URI.create("https://example.com/other/a.md")));
  }

  @Test
  void badEntriesNameTheirKey() {
    assertEquals("Invalid config at backend.reading.allow[0].host: Port range is not valid: [9000, 8000]",
        assertThrows(IllegalArgumentException.class, () -> allow(Map.of("host", "h:9000-8000"))).getMessage());
    assertEquals("Missing required config value at 'backend.reading.allow[1].host'",
        assertThrows(IllegalArgumentException.class,
            () -> allow(Map.of("host", "h"), Map.of("paths", List.of("/")))).getMessage());
    assertEquals("Invalid config at backend.reading.allow[0].path, 'relative/dir' is not an absolute path",
        assertThrows(IllegalArgumentException.class, () -> allow(Map.of("path", "relative/dir"))).getMessage());
  }
}
