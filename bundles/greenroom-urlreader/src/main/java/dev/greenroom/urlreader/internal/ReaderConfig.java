package dev.greenroom.urlreader.internal;

import dev.greenroom.backend.api.services.Config;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the readers from config, in upstream's order: each {@code integrations.github} and
 * {@code integrations.gitlab} entry, then the fetch reader for {@code backend.reading.allow} hosts,
 * then Greenroom's file reader. Errors name the config key.
 */
final class ReaderConfig {
  private ReaderConfig() {}

  static UrlReaders readers(Config config) {
    Http http = new Http();
    List<Reader> readers = new ArrayList<>();
    for (Integration i : integrations(config, "integrations.github", "github.com", "https://api.github.com")) {
      readers.add(new Reader(new GithubUrlReader(http, i), i::takes));
    }
    for (Integration i : integrations(config, "integrations.gitlab", "gitlab.com", null)) {
      readers.add(new Reader(new GitlabUrlReader(http, i), i::takes));
    }
    AllowList allow = AllowList.fromConfig(config);
    readers.add(new Reader(new FetchUrlReader(http, allow::allowsHttp), allow::allowsHttp));
    FileUrlReader files = new FileUrlReader(allow.directories());
    readers.add(new Reader(files, files::allows));
    return new UrlReaders(readers);
  }

  /**
   * The entries of {@code key}. GitHub's public host needs no entry (anonymous reads of public
   * repositories, as upstream); GitLab's API defaults to {@code https://<host>/api/v4}.
   */
  static List<Integration> integrations(Config config, String key, String publicHost, String publicApi) {
    List<Integration> out = new ArrayList<>();
    List<Config> entries = config.getOptionalConfigArray(key).orElse(List.of());
    boolean publicSeen = false;
    for (int i = 0; i < entries.size(); i++) {
      Config e = entries.get(i);
      String at = key + "[" + i + "]";
      String host = e.getOptionalString("host").orElse(publicHost);
      publicSeen |= host.equalsIgnoreCase(publicHost);
      Optional<String> api = e.getOptionalString("apiBaseUrl");
      String base = api.orElseGet(() -> host.equalsIgnoreCase(publicHost) && publicApi != null
          ? publicApi
          : publicApi == null ? "https://" + host + "/api/v4" : null);
      if (base == null) {
        throw new IllegalArgumentException(
            "Missing required config value at '" + at + ".apiBaseUrl' (needed for host '" + host + "')");
      }
      out.add(new Integration(host, uri(at + ".apiBaseUrl", base), e.getOptionalString("token").orElse(null)));
    }
    if (!publicSeen) {
      String api = publicApi != null ? publicApi : "https://" + publicHost + "/api/v4";
      out.add(new Integration(publicHost, URI.create(api), null));
    }
    return out;
  }

  private static URI uri(String key, String value) {
    Function<String, IllegalArgumentException> bad = v -> new IllegalArgumentException(
        "Invalid config at '" + key + "', '" + v + "' is not an absolute http(s) URL");
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
        throw bad.apply(value);
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw bad.apply(value);
    }
  }
}
