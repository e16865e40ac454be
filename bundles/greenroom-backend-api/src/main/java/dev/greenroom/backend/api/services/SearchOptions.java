package dev.greenroom.backend.api.services;

/**
 * Options of {@link UrlReaderService#search(String, SearchOptions)}: Backstage's {@code
 * UrlReaderServiceSearchOptions}, without the abort signal.
 *
 * @param etag the etag of a previous search; unchanged results fail with {@code NotModifiedError};
 *     may be null
 * @param token a token to read with instead of the integration's configured one; may be null
 */
public record SearchOptions(String etag, String token) {
  @Override
  public String toString() {
    return "SearchOptions[etag=" + etag + ", token=" + (token == null ? null : "<redacted>") + "]";
  }
}
