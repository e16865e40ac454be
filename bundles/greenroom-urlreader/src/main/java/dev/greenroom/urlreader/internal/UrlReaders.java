package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.ReadTreeOptions;
import dev.greenroom.backend.api.services.ReadTreeResponse;
import dev.greenroom.backend.api.services.ReadUrlOptions;
import dev.greenroom.backend.api.services.ReadUrlResponse;
import dev.greenroom.backend.api.services.SearchOptions;
import dev.greenroom.backend.api.services.SearchResponse;
import dev.greenroom.backend.api.services.UrlReaderService;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The {@code core.urlReader} service: hands each URL to the first reader whose predicate takes it,
 * and refuses the rest (upstream's {@code UrlReaderPredicateMux}, message verbatim). Readers are
 * tried in order: integrations (GitHub, GitLab) before the plain HTTP reader, as upstream registers
 * them.
 */
public final class UrlReaders implements UrlReaderService {
  private final List<Reader> readers;

  UrlReaders(List<Reader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** The readers configured by {@code integrations} and {@code backend.reading}. */
  public static UrlReaders fromConfig(dev.greenroom.backend.api.services.Config config) {
    return ReaderConfig.readers(config);
  }

  @Override
  public ReadUrlResponse readUrl(String url, ReadUrlOptions options) {
    return pick(url).readUrl(url, options);
  }

  @Override
  public ReadTreeResponse readTree(String url, ReadTreeOptions options) {
    return pick(url).readTree(url, options);
  }

  @Override
  public SearchResponse search(String url, SearchOptions options) {
    return pick(url).search(url, options);
  }

  private UrlReaderService pick(String url) {
    URI parsed = parse(url);
    for (Reader r : readers) {
      if (r.predicate().test(parsed)) {
        return r.reader();
      }
    }
    throw new NotAllowedError(notAllowedMessage(url));
  }

  static String notAllowedMessage(String url) {
    return "Reading from '" + url + "' is not allowed. "
        + "You may need to configure an integration for the target host, or add it "
        + "to the configured list of allowed hosts at 'backend.reading.allow'";
  }

  static URI parse(String url) {
    if (url == null) {
      throw new InputError("Invalid URL: null");
    }
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null) {
        throw new InputError("Invalid URL: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InputError("Invalid URL: " + url);
    }
  }

  @Override
  public String toString() {
    return "predicateMux{readers=" + readers.stream().map(r -> r.reader().toString()).toList() + "}";
  }
}
