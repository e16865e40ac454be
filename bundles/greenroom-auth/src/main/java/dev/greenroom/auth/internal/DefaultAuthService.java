package dev.greenroom.auth.internal;

import com.nimbusds.jose.jwk.JWK;
import dev.greenroom.auth.internal.external.ExternalTokenHandler;
import dev.greenroom.auth.internal.plugin.PluginTokenHandler;
import dev.greenroom.auth.internal.user.UserTokenHandler;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageNonePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.api.services.BackstageToken;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import java.util.List;
import java.util.Map;

/**
 * core.auth for one plugin: tries the token as a plugin token, then a user token, then an external
 * access token. Backstage's DefaultAuthService, with its messages.
 */
public final class DefaultAuthService implements AuthService {
  private final UserTokenHandler userTokens;
  private final PluginTokenHandler pluginTokens;
  private final ExternalTokenHandler externalTokens;
  private final String pluginId;
  private final boolean disableDefaultAuthPolicy;

  public DefaultAuthService(
      UserTokenHandler userTokens,
      PluginTokenHandler pluginTokens,
      ExternalTokenHandler externalTokens,
      String pluginId,
      boolean disableDefaultAuthPolicy) {
    this.userTokens = userTokens;
    this.pluginTokens = pluginTokens;
    this.externalTokens = externalTokens;
    this.pluginId = pluginId;
    this.disableDefaultAuthPolicy = disableDefaultAuthPolicy;
  }

  @Override
  public BackstageCredentials<BackstagePrincipal> authenticate(String token, boolean allowLimitedAccess) {
    if (token == null || token.isEmpty()) {
      throw new AuthenticationError("Illegal token");
    }
    PluginTokenHandler.Result pluginResult = pluginTokens.verifyToken(token);
    if (pluginResult != null) {
      if (pluginResult.limitedUserToken() != null) {
        String userEntityRef = userTokens.verifyToken(pluginResult.limitedUserToken());
        if (userEntityRef == null) {
          throw new AuthenticationError("Invalid user token in plugin token obo claim");
        }
        return userCredentials(userEntityRef, pluginResult.limitedUserToken());
      }
      return new BackstageCredentials<>(new BackstageServicePrincipal(pluginResult.subject()), null);
    }

    String userEntityRef = userTokens.verifyToken(token);
    if (userEntityRef != null) {
      if (!allowLimitedAccess && UserTokenHandler.isLimitedUserToken(token)) {
        throw new AuthenticationError("Illegal limited user token");
      }
      return userCredentials(userEntityRef, token);
    }

    ExternalTokenHandler.Result external = externalTokens.verifyToken(token);
    if (external != null) {
      BackstageCredentials<BackstagePrincipal> credentials =
          new BackstageCredentials<>(
              new BackstageServicePrincipal(external.subject(), external.accessRestrictions()), null);
      return external.allAccessRestrictions() == null
          ? credentials
          : CredentialTokens.attachAllAccessRestrictions(credentials, external.allAccessRestrictions());
    }
    throw new AuthenticationError("Illegal token");
  }

  private static BackstageCredentials<BackstagePrincipal> userCredentials(String userEntityRef, String token) {
    BackstageCredentials<BackstagePrincipal> credentials =
        new BackstageCredentials<>(new BackstageUserPrincipal(userEntityRef), UserTokenHandler.expirationOf(token));
    return CredentialTokens.attach(credentials, token);
  }

  @Override
  public BackstageCredentials<BackstageNonePrincipal> getNoneCredentials() {
    return new BackstageCredentials<>(new BackstageNonePrincipal(), null);
  }

  @Override
  public BackstageCredentials<BackstageServicePrincipal> getOwnServiceCredentials() {
    return new BackstageCredentials<>(new BackstageServicePrincipal("plugin:" + pluginId), null);
  }

  @Override
  public BackstageToken getPluginRequestToken(BackstageCredentials<?> onBehalfOf, String targetPluginId) {
    BackstagePrincipal principal = onBehalfOf.principal();
    // With the default policy disabled, unauthenticated calls are forwarded as unauthenticated
    if (principal instanceof BackstageNonePrincipal && disableDefaultAuthPolicy) {
      return new BackstageToken("", null);
    }
    if (principal instanceof BackstageServicePrincipal service) {
      // A restricted caller (an external access entry with accessRestrictions) may only be
      // forwarded to a plugin it may reach without restrictions of its own: a token from this
      // plugin would carry none of them. Upstream: backend-defaults
      // src/entrypoints/auth/DefaultAuthService.ts, getPluginRequestToken.
      if (service.accessRestrictions() != null) {
        Map<String, BackstagePrincipalAccessRestrictions> all = CredentialTokens.allAccessRestrictionsOf(onBehalfOf);
        BackstagePrincipalAccessRestrictions target = all == null ? null : all.get(targetPluginId);
        if (target == null) {
          throw new NotAllowedError(
              "Access to target plugin '" + targetPluginId + "' is not included in token's access restrictions");
        }
        if (target.permissionNames() != null || target.permissionActions() != null) {
          throw new NotAllowedError(
              "Access to target plugin '" + targetPluginId + "' is restricted and cannot be delegated");
        }
      }
      return pluginTokens.issueToken(targetPluginId, null, null);
    }
    if (principal instanceof BackstageUserPrincipal) {
      String token = CredentialTokens.tokenOf(onBehalfOf);
      if (token == null) {
        throw new IllegalStateException("User credentials is unexpectedly missing token");
      }
      UserTokenHandler.LimitedToken limited = UserTokenHandler.createLimitedUserToken(token);
      return pluginTokens.issueToken(targetPluginId, limited.token(), limited.expiresAt());
    }
    throw new AuthenticationError(
        "Refused to issue service token for credential type '" + principal.type().value() + "'");
  }

  @Override
  public BackstageToken getLimitedUserToken(BackstageCredentials<BackstageUserPrincipal> credentials) {
    String token = CredentialTokens.tokenOf(credentials);
    if (token == null) {
      throw new AuthenticationError("User credentials is unexpectedly missing token");
    }
    UserTokenHandler.LimitedToken limited = UserTokenHandler.createLimitedUserToken(token);
    return new BackstageToken(limited.token(), limited.expiresAt());
  }

  @Override
  public List<Map<String, Object>> listPublicServiceKeys() {
    List<JWK> keys = pluginTokens.publicKeys();
    return PluginTokenHandler.toJson(keys);
  }
}
