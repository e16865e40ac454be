package dev.greenroom.backend.api.services;

import java.time.Instant;

/**
 * Options of {@link UrlReaderService#readUrl(String, ReadUrlOptions)}. Backstage's {@code
 * ReadUrlOptions}, without the abort signal.
 *
 * @param etag the etag of a previous read, to skip unchanged content; may be null
 * @param lastModifiedAfter skip content not modified since; may be null
 * @param token a token to read with instead of the integration's configured credentials; may be
 *     null
 */
public record ReadUrlOptions(String etag, Instant lastModifiedAfter, String token) {
  @Override
  public String toString() {
    return "ReadUrlOptions[etag="
        + etag
        + ", lastModifiedAfter="
        + lastModifiedAfter
        + ", token="
        + (token == null ? null : "<redacted>")
        + "]";
  }
}
