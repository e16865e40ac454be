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
 * {@code Authorization: Bearer user-token} is a user, a {@code Cookie: limited=1} a limited user,
 * anything else has no credentials and fails with Backstage's 401 {@code Missing credentials}.
 */
final class TokenAuth implements HttpAuthService, AuthService {
  static final String USER_TOKEN = "user-token";

  static List<ServiceFactory<?>> factories() {
    TokenAuth auth = new TokenAuth();
    return List.of(
        ServiceFactory.ofInstance(CoreServices.HTTP_AUTH, (HttpAuthService) auth),
        ServiceFactory.ofInstance(CoreServices.AUTH, (AuthService) auth));
  }

  @Override
  public BackstageCredentials<BackstagePrincipal> credentials(
      HttpServletRequest request, Set<BackstagePrincipalType> allow, boolean allowLimitedAccess) {
    if (("Bearer " + USER_TOKEN).equals(request.getHeader("Authorization"))) {
      return new BackstageCredentials<>(new BackstageUserPrincipal("user:default/tester"), null);
    }
    String cookie = request.getHeader("Cookie");
    if (cookie != null && cookie.contains("limited=1")) {
      if (!allowLimitedAccess) {
        throw new NotAllowedError("Limited access credentials are not allowed");
      }
      return new BackstageCredentials<>(new BackstageUserPrincipal("user:default/tester"), null);
    }
    throw new AuthenticationError("Missing credentials");
  }

  @Override
  public Instant issueUserCookie(HttpServletRequest request, HttpServletResponse response) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant issueUserCookie(HttpServletResponse response, BackstageCredentials<?> credentials) {
    throw new UnsupportedOperationException();
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
