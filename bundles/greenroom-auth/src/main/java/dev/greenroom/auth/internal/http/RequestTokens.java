package dev.greenroom.auth.internal.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a request carries its token: the Bearer header, or the user cookie. */
final class RequestTokens {
  static final String BACKSTAGE_AUTH_COOKIE = "backstage-auth";
  private static final Pattern BEARER = Pattern.compile("^Bearer[ ]+(\\S+)$", Pattern.CASE_INSENSITIVE);

  private RequestTokens() {}

  static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return null;
    }
    Matcher m = BEARER.matcher(header);
    return m.matches() ? m.group(1) : null;
  }

  static String cookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (BACKSTAGE_AUTH_COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
        return c.getValue();
      }
    }
    return null;
  }
}
