package dev.greenroom.auth.internal.http;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The user cookie's attributes, as Backstage sets them: the domain of the plugin's external base
 * URL; {@code Secure} and {@code SameSite=None} over https or on localhost, else {@code
 * SameSite=Lax}; always {@code HttpOnly} and {@code Priority=High}.
 */
record CookieOptions(String domain, boolean secure) {
  static CookieOptions forExternalBaseUrl(String externalBaseUrl) {
    URI uri = URI.create(externalBaseUrl);
    boolean secure = "https".equalsIgnoreCase(uri.getScheme()) || "localhost".equalsIgnoreCase(uri.getHost());
    return new CookieOptions(uri.getHost(), secure);
  }

  /** The {@code Set-Cookie} header value for {@code value}, expiring at {@code expires}. */
  String setCookie(String value, Instant expires) {
    StringBuilder out = new StringBuilder(RequestTokens.BACKSTAGE_AUTH_COOKIE).append('=').append(value);
    out.append("; Domain=").append(domain).append("; Path=/");
    out.append("; Expires=").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(expires.atOffset(ZoneOffset.UTC)));
    out.append("; HttpOnly");
    if (secure) {
      out.append("; Secure");
    }
    out.append("; Priority=High");
    out.append(secure ? "; SameSite=None" : "; SameSite=Lax");
    return out.toString();
  }
}
