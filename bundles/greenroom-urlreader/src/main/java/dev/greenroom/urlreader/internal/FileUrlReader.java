package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.errors.NotModifiedError;
import dev.greenroom.backend.api.services.ReadTreeOptions;
import dev.greenroom.backend.api.services.ReadTreeResponse;
import dev.greenroom.backend.api.services.ReadUrlOptions;
import dev.greenroom.backend.api.services.ReadUrlResponse;
import dev.greenroom.backend.api.services.SearchOptions;
import dev.greenroom.backend.api.services.SearchResponse;
import dev.greenroom.backend.api.services.UrlReaderService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code file:} URLs under the directories of {@code backend.reading.allow} ({@code path:} entries;
 * Greenroom's, upstream reads local files only in the catalog). Paths are resolved to their real
 * location first, so a symbolic link cannot lead out of an allowed directory. Etags are SHA-256 of
 * the content (of the listing, for trees).
 */
final class FileUrlReader implements UrlReaderService {
  private final List<Path> directories;

  FileUrlReader(List<Path> directories) {
    this.directories = List.copyOf(directories);
  }

  /** Whether {@code url} is a file: URL under an allowed directory (after resolving links). */
  boolean allows(URI url) {
    if (!"file".equalsIgnoreCase(url.getScheme()) || directories.isEmpty()) {
      return false;
    }
    Path path = real(Path.of(url.getPath() == null ? "" : url.getPath()));
    return directories.stream().map(FileUrlReader::real).anyMatch(path::startsWith);
  }

  @Override
  public ReadUrlResponse readUrl(String url, ReadUrlOptions options) {
    Path file = Path.of(URI.create(url));
    if (!Files.isRegularFile(file)) {
      throw new NotFoundError("could not read " + url + ", 404 Not Found");
    }
    try {
      byte[] content = Files.readAllBytes(file);
      String etag = sha256(content);
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      if (options != null && (etag.equals(options.etag())
          || (options.lastModifiedAfter() != null && !modified.isAfter(options.lastModifiedAfter())))) {
        throw new NotModifiedError("");
      }
      return new ReadUrlResponse(content, etag, modified);
    } catch (IOException e) {
      throw new UncheckedIOException("Unable to read " + url + ", " + e.getMessage(), e);
    }
  }

  @Override
  public ReadTreeResponse readTree(String url, ReadTreeOptions options) {
    Path dir = Path.of(URI.create(url));
    if (!Files.isDirectory(dir)) {
      throw new NotFoundError("could not read " + url + ", 404 Not Found");
    }
    List<ReadTreeResponse.File> files = new ArrayList<>();
    StringBuilder listing = new StringBuilder();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (!allows(p.toUri())) {
          continue; // a link out of the allowed directories
        }
        String rel = dir.relativize(p).toString().replace('\\', '/');
        long size = Files.size(p);
        Instant modified = Files.getLastModifiedTime(p).toInstant();
        listing.append(rel).append('\0').append(size).append('\0').append(modified).append('\n');
        if (options != null && options.filter() != null && !options.filter().test(rel, size)) {
          continue;
        }
        files.add(new ReadTreeResponse.File(rel, Files.readAllBytes(p), modified));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Unable to read " + url + ", " + e.getMessage(), e);
    }
    String etag = sha256(listing.toString().getBytes(StandardCharsets.UTF_8));
    if (options != null && etag.equals(options.etag())) {
      throw new NotModifiedError("");
    }
    return new ReadTreeResponse(files, etag);
  }

  @Override
  public SearchResponse search(String url, SearchOptions options) {
    URI uri = URI.create(url);
    Glob glob = Glob.split(uri.getPath());
    if (!glob.isPattern()) {
      try {
        ReadUrlResponse r = readUrl(url, null);
        return new SearchResponse(List.of(new SearchResponse.File(url, r.content(), r.lastModifiedAt())), r.etag());
      } catch (NotFoundError e) {
        return new SearchResponse(List.of(), "");
      }
    }
    String baseUrl = Path.of(glob.base()).toUri().toString();
    ReadTreeResponse tree = readTree(baseUrl, null);
    PathMatcher matcher = glob.matcher();
    List<SearchResponse.File> found = new ArrayList<>();
    for (ReadTreeResponse.File f : tree.files()) {
      if (matcher.matches(Path.of(f.path()))) {
        found.add(new SearchResponse.File(Path.of(glob.base(), f.path()).toUri().toString(), f.content(), f.lastModifiedAt()));
      }
    }
    String etag = tree.etag();
    if (options != null && etag.equals(options.etag())) {
      throw new NotModifiedError("");
    }
    return new SearchResponse(found, etag);
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      // not there (yet): resolve the deepest existing parent so a link above it still counts
      Path parent = abs.getParent();
      return parent == null ? abs : real(parent).resolve(abs.getFileName());
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "file{" + directories + "}";
  }
}
