package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads files from URLs, through the configured source-control integrations or plain HTTP for
 * allow-listed hosts ({@code backend.reading.allow}). Backstage's {@code UrlReaderService} ({@code
 * core.urlReader}). Only {@code readUrl} is modelled yet: {@code readTree} and {@code search} are
 * left out until a plugin needs them.
 */
@ProviderType
public interface UrlReaderService {
  /** Reads the file at {@code url}. */
  default ReadUrlResponse readUrl(String url) {
    return readUrl(url, null);
  }

  /**
   * Reads the file at {@code url}. When {@code options} carries an etag that still matches, or a
   * {@code lastModifiedAfter} the file has not changed since, the call fails instead of returning
   * the same content again (Backstage's {@code NotModifiedError}).
   *
   * @param options conditions and credentials for the read; may be null
   * @throws IllegalArgumentException if no reader handles {@code url} or its host is not allowed
   */
  ReadUrlResponse readUrl(String url, ReadUrlOptions options);
}
