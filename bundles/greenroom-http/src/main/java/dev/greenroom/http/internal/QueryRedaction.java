package dev.greenroom.http.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Hides the values of token-like query parameters where a request's URL is written out: the
 * request log line, error bodies ({@code request.url}) and the error handler's log line. A value
 * becomes {@value #MASK}, the mask Backstage's logger puts over config secrets (WinstonLogger's
 * redacter, packages/backend-defaults/src/entrypoints/rootLogger/WinstonLogger.ts).
 *
 * <p>Backstage itself writes {@code req.originalUrl} and {@code req.url} verbatim
 * (packages/backend-defaults/src/entrypoints/rootHttpRouter/http/MiddlewareFactory.ts); a token a
 * client puts in a query string (an EventSource or a download link cannot send a header; an OAuth
 * callback carries {@code code}) would be in every log line and error body. Redacted: the names in
 * {@link #NAMES} and any name ending in {@code token} ({@code backstageToken}, {@code
 * x-auth-token}), case-insensitively; the parameter names themselves, and all other parameters,
 * stay as they were sent.
 */
public final class QueryRedaction {
  public static final String MASK = "***";

  /** OAuth 2 / OIDC parameters ({@code code}, the tokens, {@code client_secret}) and common secrets. */
  static final Set<String> NAMES = Set.of(
      "token", "access_token", "id_token", "refresh_token", "code", "client_secret",
      "password", "secret", "api_key", "apikey", "sig", "signature");

  private QueryRedaction() {}

  /** {@code uri} plus {@code ?query} with token-like values masked; {@code uri} alone without a query. */
  public static String url(String uri, String query) {
    return query == null ? uri : uri + "?" + query(query);
  }

  /** The raw query string with token-like parameter values masked; unchanged (same instance) otherwise. */
  public static String query(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder out = null;
    int start = 0;
    int n = query.length();
    while (start <= n) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? n : amp;
      int eq = query.indexOf('=', start);
      if (eq >= 0 && eq < end && eq + 1 < end && isSecret(query, start, eq)) {
        if (out == null) {
          out = new StringBuilder(n).append(query, 0, start);
        }
        out.append(query, start, eq + 1).append(MASK);
      } else if (out != null) {
        out.append(query, start, end);
      }
      if (amp < 0) {
        break;
      }
      if (out != null) {
        out.append('&');
      }
      start = amp + 1;
    }
    return out == null ? query : out.toString();
  }

  /** Whether the raw parameter name {@code query[from, to)} is token-like (percent-decoded, any case). */
  static boolean isSecret(String query, int from, int to) {
    String raw = query.substring(from, to);
    String name = (raw.indexOf('%') >= 0 || raw.indexOf('+') >= 0 ? decode(raw) : raw).toLowerCase(Locale.ROOT);
    return NAMES.contains(name) || name.endsWith("token");
  }

  private static String decode(String raw) {
    try {
      return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
