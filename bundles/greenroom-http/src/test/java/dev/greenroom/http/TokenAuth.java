package dev.greenroom.http;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageNonePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageToken;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.HttpAuthService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test collaborator for the credentials barrier (the real auth services live in greenroom-auth):
 * {@code Authorization: Bearer user-token} is a user, {@code Bearer service-token} a service, a
 * {@code Cookie: limited=1} a limited user, anything else has no credentials and fails with
 * Backstage's 401 {@code Missing credentials}; a principal kind outside {@code allow} is 403 with
 * greenroom-auth's message. {@code issueUserCookie} sets or clears {@code limited} the way
 * greenroom-auth sets its cookie (user credentials only, or none to clear).
 */
final class TokenAuth implements HttpAuthService, AuthService {
  static final String USER_TOKEN = "user-token";
  static final String SERVICE_TOKEN = "service-token";
  static final Instant COOKIE_EXPIRES = Instant.parse("2030-01-02T03:04:05Z");

  static List<ServiceFactory<?>> factories() {
    TokenAuth auth = new TokenAuth();
    return List.of(
        ServiceFactory.ofInstance(CoreServices.HTTP_AUTH, (HttpAuthService) auth),
        ServiceFactory.ofInstance(CoreServices.AUTH, (AuthService) auth));
  }

  @Override
  public BackstageCredentials<BackstagePrincipal> credentials(
      HttpServletRequest request, Set<BackstagePrincipalType> allow, boolean allowLimitedAccess) {
    String authorization = request.getHeader("Authorization");
    if (("Bearer " + USER_TOKEN).equals(authorization)) {
      return allowed(new BackstageUserPrincipal("user:default/tester"), allow);
    }
    if (("Bearer " + SERVICE_TOKEN).equals(authorization)) {
      return allowed(new BackstageServicePrincipal("plugin:other"), allow);
    }
    String cookie = request.getHeader("Cookie");
    if (cookie != null && cookie.contains("limited=1")) {
      if (!allowLimitedAccess) {
        throw new NotAllowedError("Limited access credentials are not allowed");
      }
      return allowed(new BackstageUserPrincipal("user:default/tester"), allow);
    }
    throw new AuthenticationError("Missing credentials");
  }

  private static BackstageCredentials<BackstagePrincipal> allowed(
      BackstagePrincipal principal, Set<BackstagePrincipalType> allow) {
    if (!allow.contains(principal.type())) {
      throw new NotAllowedError("This endpoint does not allow '" + principal.type().value() + "' credentials");
    }
    return new BackstageCredentials<>(principal, null);
  }

  @Override
  public Instant issueUserCookie(HttpServletRequest request, HttpServletResponse response) {
    return issueUserCookie(response, credentials(request, Set.of(BackstagePrincipalType.USER), false));
  }

  @Override
  public Instant issueUserCookie(HttpServletResponse response, BackstageCredentials<?> credentials) {
    if (credentials.principal().type() == BackstagePrincipalType.NONE) {
      response.addHeader("Set-Cookie", "limited=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
      return Instant.EPOCH;
    }
    response.addHeader("Set-Cookie", "limited=1; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT");
    return COOKIE_EXPIRES;
  }

  @Override
  public BackstageCredentials<BackstagePrincipal> authenticate(String token, boolean allowLimitedAccess) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BackstageCredentials<BackstageNonePrincipal> getNoneCredentials() {
    return new BackstageCredentials<>(new BackstageNonePrincipal(), null);
  }

  @Override
  public BackstageCredentials<BackstageServicePrincipal> getOwnServiceCredentials() {
    throw new UnsupportedOperationException();
  }

  @Override
  public BackstageToken getPluginRequestToken(BackstageCredentials<?> onBehalfOf, String targetPluginId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BackstageToken getLimitedUserToken(BackstageCredentials<BackstageUserPrincipal> credentials) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Map<String, Object>> listPublicServiceKeys() {
    return List.of(Map.of("kid", "test-key", "kty", "EC"));
  }
}
