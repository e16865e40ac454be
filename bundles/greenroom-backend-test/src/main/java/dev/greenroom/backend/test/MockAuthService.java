package dev.greenroom.backend.test;

import static dev.greenroom.backend.test.MockCredentials.INVALID_LIMITED_USER_TOKEN;
import static dev.greenroom.backend.test.MockCredentials.INVALID_SERVICE_TOKEN;
import static dev.greenroom.backend.test.MockCredentials.INVALID_USER_TOKEN;
import static dev.greenroom.backend.test.MockCredentials.LIMITED_USER_TOKEN_PREFIX;
import static dev.greenroom.backend.test.MockCredentials.SERVICE_TOKEN;
import static dev.greenroom.backend.test.MockCredentials.SERVICE_TOKEN_PREFIX;
import static dev.greenroom.backend.test.MockCredentials.USER_TOKEN;
import static dev.greenroom.backend.test.MockCredentials.USER_TOKEN_PREFIX;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageNonePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageToken;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code core.auth} on mock tokens, as Backstage's MockAuthService
 * (packages/backend-test-utils/src/services/MockAuthService.ts): the tokens of {@link
 * MockCredentials} are accepted, everything else is refused with Backstage's messages.
 */
final class MockAuthService implements AuthService {
  private final String pluginId;
  private final boolean disableDefaultAuthPolicy;

  MockAuthService(String pluginId, boolean disableDefaultAuthPolicy) {
    this.pluginId = pluginId;
    this.disableDefaultAuthPolicy = disableDefaultAuthPolicy;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public BackstageCredentials<BackstagePrincipal> authenticate(String token, boolean allowLimitedAccess) {
    return (BackstageCredentials) credentialsOf(token, allowLimitedAccess);
  }

  private BackstageCredentials<?> credentialsOf(String token, boolean allowLimitedAccess) {
    switch (token) {
      case USER_TOKEN:
        return MockCredentials.user();
      case SERVICE_TOKEN:
        return MockCredentials.service();
      case INVALID_USER_TOKEN:
        throw new AuthenticationError("User token is invalid");
      case INVALID_LIMITED_USER_TOKEN:
        throw new AuthenticationError("Limited user token is invalid");
      case INVALID_SERVICE_TOKEN:
        throw new AuthenticationError("Service token is invalid");
      case "":
        throw new AuthenticationError("Token is empty");
      default:
        break;
    }
    if (token.startsWith(USER_TOKEN_PREFIX)) {
      return MockCredentials.user(payload(token, USER_TOKEN_PREFIX).path("sub").asText(null));
    }
    if (token.startsWith(LIMITED_USER_TOKEN_PREFIX)) {
      if (!allowLimitedAccess) {
        throw new AuthenticationError("Limited user token is not allowed");
      }
      return MockCredentials.user(payload(token, LIMITED_USER_TOKEN_PREFIX).path("sub").asText(null));
    }
    if (token.startsWith(SERVICE_TOKEN_PREFIX)) {
      JsonNode p = payload(token, SERVICE_TOKEN_PREFIX);
      String target = p.path("target").asText(null);
      if (target != null && !target.equals(pluginId)) {
        throw new AuthenticationError(
            "Invalid mock token target plugin ID, got '" + target + "' but expected '" + pluginId + "'");
      }
      String obo = p.path("obo").asText(null);
      if (obo != null) {
        return MockCredentials.user(obo);
      }
      String sub = p.path("sub").asText(null);
      return sub == null ? MockCredentials.service() : MockCredentials.service(sub);
    }
    throw new AuthenticationError("Unknown mock token '" + token + "'");
  }

  private static JsonNode payload(String token, String prefix) {
    try {
      return MockCredentials.JSON.readTree(token.substring(prefix.length()));
    } catch (IOException e) {
      throw new AuthenticationError("Unknown mock token '" + token + "'");
    }
  }

  @Override
  public BackstageCredentials<BackstageNonePrincipal> getNoneCredentials() {
    return MockCredentials.none();
  }

  @Override
  public BackstageCredentials<BackstageServicePrincipal> getOwnServiceCredentials() {
    return MockCredentials.service("plugin:" + pluginId);
  }

  @Override
  public BackstageToken getPluginRequestToken(BackstageCredentials<?> onBehalfOf, String targetPluginId) {
    BackstagePrincipal principal = onBehalfOf.principal();
    if (principal instanceof BackstageNonePrincipal && disableDefaultAuthPolicy) {
      return new BackstageToken("", null);
    }
    if (principal instanceof BackstageNonePrincipal) {
      throw new AuthenticationError(
          "Refused to issue service token for credential type '" + principal.type().value() + "'");
    }
    return new BackstageToken(MockCredentials.Service.token(onBehalfOf, targetPluginId), null);
  }

  @Override
  public BackstageToken getLimitedUserToken(BackstageCredentials<BackstageUserPrincipal> credentials) {
    // a raw caller can still pass another principal kind: refuse it in Backstage's words
    Object principal = credentials.principal();
    if (!(principal instanceof BackstageUserPrincipal user)) {
      throw new AuthenticationError(
          "Refused to issue limited user token for credential type '"
              + credentials.principal().type().value() + "'");
    }
    return new BackstageToken(
        MockCredentials.LimitedUser.token(user.userEntityRef()), Instant.now().plusSeconds(3600));
  }

  /**
   * No keys. Backstage's mock throws "Not implemented"; Greenroom's router serves this list at
   * {@code /.backstage/auth/v1/jwks.json}, so an empty one keeps that route working.
   */
  @Override
  public List<Map<String, Object>> listPublicServiceKeys() {
    return List.of();
  }
}
