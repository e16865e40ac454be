package dev.greenroom.backend.test;

import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageNonePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.BackstageToken;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.HttpAuthService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code core.httpAuth} on mock tokens, as Backstage's MockHttpAuthService
 * (packages/backend-test-utils/src/services/MockHttpAuthService.ts): a request without an {@code
 * Authorization} header has the default credentials (the mock user unless configured), {@link
 * MockCredentials.None#header()} means none, a bearer token goes through {@link MockAuthService},
 * and where limited access is allowed the {@code backstage-auth} cookie counts. The cookie is read
 * from the raw header: mock tokens hold JSON, which servlet cookie parsing would reject.
 */
final class MockHttpAuthService implements HttpAuthService {
  private static final Pattern BEARER = Pattern.compile("^Bearer[ ]+(\\S+)$", Pattern.CASE_INSENSITIVE);

  private final AuthService auth;
  private final BackstageCredentials<?> defaultCredentials;

  MockHttpAuthService(String pluginId, BackstageCredentials<?> defaultCredentials) {
    this.auth = new MockAuthService(pluginId, false);
    this.defaultCredentials = defaultCredentials;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public BackstageCredentials<BackstagePrincipal> credentials(
      HttpServletRequest request, Set<BackstagePrincipalType> allow, boolean allowLimitedAccess) {
    BackstageCredentials<?> credentials = credentialsOf(request, allowLimitedAccess);
    BackstagePrincipalType type = credentials.principal().type();
    if (allow == null || allow.contains(type)) {
      return (BackstageCredentials) credentials;
    }
    if (type == BackstagePrincipalType.NONE) {
      throw new AuthenticationError("Missing credentials");
    }
    throw new NotAllowedError("This endpoint does not allow '" + type.value() + "' credentials");
  }

  private BackstageCredentials<?> credentialsOf(HttpServletRequest request, boolean allowLimitedAccess) {
    String header = request.getHeader("Authorization");
    if (MockCredentials.None.header().equals(header)) {
      return MockCredentials.none();
    }
    Matcher m = header == null ? null : BEARER.matcher(header);
    if (m != null && m.matches()) {
      return auth.authenticate(m.group(1), allowLimitedAccess);
    }
    if (allowLimitedAccess) {
      String cookie = cookieToken(request);
      if (cookie != null) {
        return auth.authenticate(cookie, true);
      }
    }
    return defaultCredentials;
  }

  static String cookieToken(HttpServletRequest request) {
    Enumeration<String> headers = request.getHeaders("Cookie");
    while (headers != null && headers.hasMoreElements()) {
      for (String part : headers.nextElement().split(";")) {
        String p = part.trim();
        if (p.startsWith(MockCredentials.AUTH_COOKIE + "=")) {
          return p.substring(MockCredentials.AUTH_COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  @Override
  public Instant issueUserCookie(HttpServletRequest request, HttpServletResponse response) {
    BackstageCredentials<BackstagePrincipal> credentials =
        credentials(request, Set.of(BackstagePrincipalType.USER), true);
    return issueUserCookie(response, credentials);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Instant issueUserCookie(HttpServletResponse response, BackstageCredentials<?> credentials) {
    if (credentials.principal() instanceof BackstageNonePrincipal) {
      response.addHeader("Set-Cookie", MockCredentials.AUTH_COOKIE + "=; Max-Age=0; Path=/");
      return Instant.now();
    }
    if (!(credentials.principal() instanceof BackstageUserPrincipal)) {
      throw new AuthenticationError(
          "Refused to issue limited user token for credential type '"
              + credentials.principal().type().value() + "'");
    }
    BackstageToken token =
        auth.getLimitedUserToken((BackstageCredentials<BackstageUserPrincipal>) credentials);
    response.addHeader("Set-Cookie", MockCredentials.AUTH_COOKIE + "=" + token.token() + "; Path=/");
    return token.expiresAt();
  }
}
