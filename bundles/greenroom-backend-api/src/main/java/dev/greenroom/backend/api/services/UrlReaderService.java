package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads files and trees from URLs: through the configured source-control integrations
 * ({@code integrations.github}, {@code integrations.gitlab}), plain HTTP for hosts in {@code
 * backend.reading.allow}, and {@code file:} URLs under the paths listed there. Backstage's {@code
 * UrlReaderService} ({@code core.urlReader}; upstream:
 * packages/backend-plugin-api/src/services/definitions/UrlReaderService.ts).
 *
 * <p>Errors are Backstage's: a URL no reader may read is a {@code NotAllowedError} (403) naming it;
 * a missing file a {@code NotFoundError} (404); unchanged content since the caller's etag or date a
 * {@code NotModifiedError} (304).
 */
@ProviderType
public interface UrlReaderService {
  /** Reads the file at {@code url}. */
  default ReadUrlResponse readUrl(String url) {
    return readUrl(url, null);
  }

  /**
   * Reads the file at {@code url}. When {@code options} carries an etag that still matches, or a
   * {@code lastModifiedAfter} the file has not changed since, the call fails with {@code
   * NotModifiedError} instead of returning the same content again.
   *
   * @param url the file's URL, for example {@code https://github.com/o/r/blob/main/catalog-info.yaml}
   * @param options conditions and credentials for the read; may be null
   * @return the file's bytes, etag and last modification time
   */
  ReadUrlResponse readUrl(String url, ReadUrlOptions options);

  /** Reads the tree (directory) at {@code url}. */
  default ReadTreeResponse readTree(String url) {
    return readTree(url, null);
  }

  /**
   * Reads every file of the tree at {@code url}, for example {@code
   * https://github.com/o/r/tree/main/docs}. The etag is the commit the tree was read at.
   *
   * @param url the tree's URL
   * @param options etag, file filter and credentials; may be null
   * @return the files, with paths relative to the tree's root
   */
  ReadTreeResponse readTree(String url, ReadTreeOptions options);

  /** Searches for files matching the glob in {@code url}. */
  default SearchResponse search(String url) {
    return search(url, null);
  }

  /**
   * Finds the files matching the glob pattern in the path of {@code url} (for example {@code
   * https://github.com/o/r/blob/main/**}{@code /catalog-info.yaml}); a URL without a pattern finds
   * that one file, or none when it does not exist.
   *
   * @param url the URL, with a glob in its path
   * @param options etag and credentials; may be null
   * @return the matching files and an etag for later searches
   */
  SearchResponse search(String url, SearchOptions options);
}
