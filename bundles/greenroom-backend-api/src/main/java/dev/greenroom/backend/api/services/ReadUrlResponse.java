package dev.greenroom.backend.api.services;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of {@link UrlReaderService#readUrl}. Backstage's {@code ReadUrlResponse}, with the
 * content read eagerly into bytes.
 *
 * @param content the file's bytes; the array is owned by the caller (equality is by reference, as
 *     for any array in a record)
 * @param etag the content's etag (usually a commit SHA or HTTP ETag), for later reads; may be null
 * @param lastModifiedAt when the content last changed; may be null
 */
public record ReadUrlResponse(byte[] content, String etag, Instant lastModifiedAt) {
  public ReadUrlResponse {
    Objects.requireNonNull(content, "content");
  }
}
