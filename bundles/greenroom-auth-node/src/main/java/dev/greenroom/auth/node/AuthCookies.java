package dev.greenroom.auth.node;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;

/**
 * The provider cookies of upstream's {@code OAuthCookieManager}
 * (plugins/auth-node/src/oauth/OAuthCookieManager.ts): {@code <providerId>-nonce} on {@code
 * <authPath>/<providerId>/handler} for 10 minutes, {@code <providerId>-refresh-token} on {@code
 * <authPath>/<providerId>}; HttpOnly, SameSite=Lax, Secure over https.
 */
public final class AuthCookies {
  private final String basePath;
  private final boolean secure;

  public AuthCookies(String authBaseUrl, String providerId) {
    URI uri = URI.create(authBaseUrl);
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    this.basePath = path + "/" + providerId;
    this.secure = "https".equalsIgnoreCase(uri.getScheme());
  }

  /** A {@code Set-Cookie} value; an empty value with max age 0 removes the cookie. */
  public String set(String name, String value, String path, Duration maxAge) {
    StringBuilder out = new StringBuilder(name).append('=').append(value);
    out.append("; Path=").append(path);
    out.append("; Max-Age=").append(maxAge.toSeconds());
    out.append("; HttpOnly; SameSite=Lax");
    if (secure) {
      out.append("; Secure");
    }
    return out.toString();
  }

  public String handlerPath() {
    return basePath + "/handler";
  }

  public String providerPath() {
    return basePath;
  }

  public static String read(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
        return c.getValue();
      }
    }
    return null;
  }
}
