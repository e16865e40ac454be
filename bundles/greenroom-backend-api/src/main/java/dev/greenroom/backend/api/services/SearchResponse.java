package dev.greenroom.backend.api.services;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link UrlReaderService#search}: Backstage's {@code UrlReaderServiceSearchResponse}.
 *
 * @param files the matching files, each with its own URL
 * @param etag a version of the results for later searches; empty when the source has none
 */
public record SearchResponse(List<File> files, String etag) {
  /** Copies the file list. */
  public SearchResponse {
    files = List.copyOf(files);
    Objects.requireNonNull(etag, "etag");
  }

  /**
   * One matching file.
   *
   * @param url the file's URL
   * @param content the file's bytes
   * @param lastModifiedAt when it last changed, if the source says; may be null
   */
  public record File(String url, byte[] content, Instant lastModifiedAt) {
    /** Checks the url and content are present. */
    public File {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(content, "content");
    }
  }
}
