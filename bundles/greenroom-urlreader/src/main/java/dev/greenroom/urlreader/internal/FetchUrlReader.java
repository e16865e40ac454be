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
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Plain HTTP reads of allow-listed hosts (upstream's {@code FetchUrlReader}): conditional headers
 * from the options, 304 as {@code NotModifiedError}, 404 as {@code NotFoundError}; no trees.
 */
final class FetchUrlReader implements UrlReaderService {
  private final Http http;
  private final Predicate<URI> allowed;

  FetchUrlReader(Http http, Predicate<URI> allowed) {
    this.http = http;
    this.allowed = allowed;
  }

  @Override
  public ReadUrlResponse readUrl(String url, ReadUrlOptions options) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (options != null) {
      if (options.etag() != null) {
        headers.put("If-None-Match", options.etag());
      }
      if (options.lastModifiedAfter() != null) {
        headers.put("If-Modified-Since", Http.httpDate(options.lastModifiedAfter()));
      }
      if (options.token() != null) {
        headers.put("Authorization", "Bearer " + options.token());
      }
    }
    Http.Answer answer = http.get(URI.create(url), headers, allowed);
    if (answer.status() == 304) {
      throw new NotModifiedError("");
    }
    if (answer.status() >= 200 && answer.status() < 300) {
      return new ReadUrlResponse(answer.body(), answer.header("etag").orElse(null), answer.lastModified());
    }
    throw HttpStatus.failure(url, answer.status());
  }

  @Override
  public ReadTreeResponse readTree(String url, ReadTreeOptions options) {
    throw new UnsupportedOperationException("FetchUrlReader does not implement readTree");
  }

  @Override
  public SearchResponse search(String url, SearchOptions options) {
    try {
      ReadUrlResponse data = readUrl(url, options == null ? null : new ReadUrlOptions(options.etag(), null, options.token()));
      return new SearchResponse(
          List.of(new SearchResponse.File(url, data.content(), data.lastModifiedAt())),
          data.etag() == null ? "" : data.etag());
    } catch (NotFoundError e) {
      return new SearchResponse(List.of(), "");
    }
  }

  @Override
  public String toString() {
    return "fetch{}";
  }
}
