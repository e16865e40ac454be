package dev.greenroom.backend.api.services;

import java.util.function.BiPredicate;

/**
 * Options of {@link UrlReaderService#readTree(String, ReadTreeOptions)}: Backstage's {@code
 * UrlReaderServiceReadTreeOptions}, without the abort signal.
 *
 * @param etag the etag of a previous read; an unchanged tree fails with {@code NotModifiedError}; may
 *     be null
 * @param filter which files to keep, by path relative to the tree's root and size in bytes; may be
 *     null (all)
 * @param token a token to read with instead of the integration's configured one; may be null
 */
public record ReadTreeOptions(String etag, BiPredicate<String, Long> filter, String token) {
  /** Options with only an etag. */
  public static ReadTreeOptions ofEtag(String etag) {
    return new ReadTreeOptions(etag, null, null);
  }

  @Override
  public String toString() {
    return "ReadTreeOptions[etag=" + etag + ", filter=" + (filter != null) + ", token="
        + (token == null ? null : "<redacted>") + "]";
  }
}
