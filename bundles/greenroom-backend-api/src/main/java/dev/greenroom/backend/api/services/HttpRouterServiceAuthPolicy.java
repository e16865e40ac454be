package dev.greenroom.backend.api.services;

/**
 * Exempts a path prefix of a plugin's router from the default credentials barrier. Backstage's
 * {@code HttpRouterServiceAuthPolicy}. {@code allow} is {@value #UNAUTHENTICATED} (no credentials
 * needed; {@code /} or {@code *} exempts everything) or {@value #USER_COOKIE} (the limited user
 * cookie is accepted). Any other value is rejected by {@link HttpRouterService#addAuthPolicy}.
 *
 * @param path a path prefix relative to {@code /api/<pluginId>}, such as {@code /health}
 * @param allow {@value #UNAUTHENTICATED} or {@value #USER_COOKIE}
 */
public record HttpRouterServiceAuthPolicy(String path, String allow) {
  public static final String UNAUTHENTICATED = "unauthenticated";
  public static final String USER_COOKIE = "user-cookie";

  public static HttpRouterServiceAuthPolicy unauthenticated(String path) {
    return new HttpRouterServiceAuthPolicy(path, UNAUTHENTICATED);
  }

  public static HttpRouterServiceAuthPolicy userCookie(String path) {
    return new HttpRouterServiceAuthPolicy(path, USER_COOKIE);
  }
}
