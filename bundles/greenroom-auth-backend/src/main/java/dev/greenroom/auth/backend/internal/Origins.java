package dev.greenroom.auth.backend.internal;

import java.net.URI;
import java.util.Locale;

/** Origins of URLs, as the browser's {@code URL.origin}. */
final class Origins {
  private Origins() {}

  static String of(String url) {
    URI u = URI.create(url);
    if (u.getScheme() == null || u.getHost() == null) {
      throw new IllegalArgumentException("Not an absolute URL: " + url);
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
