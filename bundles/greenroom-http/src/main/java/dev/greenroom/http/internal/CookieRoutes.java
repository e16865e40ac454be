package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.HttpAuthService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Backstage's cookie refresh routes, step 4 of every plugin router's chain (after the credentials
 * barrier): {@code GET /.backstage/auth/v1/cookie} issues the limited-access user cookie and answers
 * {@code {"expiresAt": "<ISO instant>"}}; {@code DELETE} clears it and answers 204. Only user
 * credentials get a cookie: the service-credentials 403 comes from {@link
 * HttpAuthService#issueUserCookie(HttpServletRequest, HttpServletResponse)}, as upstream.
 */
final class CookieRoutes {
  static final String PATH = "/.backstage/auth/v1/cookie";


  private CookieRoutes() {}

  /** Serves {@code path} if it is a cookie route; false to pass the request on to the handlers. */
  static boolean serve(
      String path, HttpServletRequest request, HttpServletResponse response, HttpAuthService httpAuth, AuthService auth)
      throws IOException {
    if (!PATH.equalsIgnoreCase(path)) {
      return false;
    }
    switch (request.getMethod()) {
      case "GET":
      case "HEAD":
        Instant expiresAt = httpAuth.issueUserCookie(request, response);
        Json.write(request, response, 200, Map.of("expiresAt", LineDates.toIsoString(expiresAt)));
        return true;
      case "DELETE":
        httpAuth.issueUserCookie(response, auth.getNoneCredentials());
        response.setStatus(204);
        return true;
      default:
        return false;
    }
  }
}
