package dev.greenroom.auth.node;

import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import java.net.URI;
import java.util.Locale;
import java.util.function.Predicate;

/** Origins and the redirect flow's target, as upstream's {@code parseRedirectUrl} (createOAuthRouteHandlers.ts). */
public final class RedirectUrls {
  private RedirectUrls() {}

  /** The origin of an absolute URL, as the browser's {@code URL.origin}. */
  public static String origin(String url) {
    URI u = URI.create(url);
    if (u.getScheme() == null || u.getHost() == null) {
      throw new IllegalArgumentException("Not an absolute URL: " + url);
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  /**
   * {@code value} if it is an http(s) URL of an allowed origin.
   *
   * @throws InputError if it is missing or no URL
   * @throws NotAllowedError if its origin is not allowed
   */
  public static String parse(String value, Predicate<String> isOriginAllowed) {
    if (value == null || value.isEmpty()) {
      throw new InputError("No redirectUrl provided in request query parameters");
    }
    String origin;
    try {
      URI url = URI.create(value);
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new NotAllowedError("Redirect URL is not an allowed origin");
      }
      origin = origin(value);
    } catch (IllegalArgumentException e) {
      throw new InputError("Redirect URL is invalid, failed to parse");
    }
    if (!isOriginAllowed.test(origin)) {
      throw new NotAllowedError("Redirect URL is not an allowed origin");
    }
    return value;
  }
}
