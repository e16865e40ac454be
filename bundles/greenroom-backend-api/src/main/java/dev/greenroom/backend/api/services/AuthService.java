package dev.greenroom.backend.api.services;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns tokens into credentials and credentials into tokens. Backstage's {@code AuthService}
 * ({@code core.auth}): verifies user tokens, plugin-to-plugin service tokens and external access
 * tokens, and issues tokens for calls to other plugins.
 */
@ProviderType
public interface AuthService {
  /**
   * Verifies {@code token} and returns its credentials. Limited-access tokens (such as the user
   * cookie) are rejected.
   *
   * @throws dev.greenroom.backend.api.errors.AuthenticationError if the token is invalid or
   *     expired
   */
  default BackstageCredentials<BackstagePrincipal> authenticate(String token) {
    return authenticate(token, false);
  }

  /**
   * As {@link #authenticate(String)}; {@code allowLimitedAccess} also accepts limited-access
   * tokens.
   */
  BackstageCredentials<BackstagePrincipal> authenticate(String token, boolean allowLimitedAccess);

  /** Whether the principal of {@code credentials} is of kind {@code type}. */
  default boolean isPrincipal(BackstageCredentials<?> credentials, BackstagePrincipalType type) {
    return credentials.principal().type() == type;
  }

  /** Credentials with no principal, for unauthenticated calls. */
  BackstageCredentials<BackstageNonePrincipal> getNoneCredentials();

  /** This plugin's own service credentials, for calls it makes on its own behalf. */
  BackstageCredentials<BackstageServicePrincipal> getOwnServiceCredentials();

  /**
   * A token for calling plugin {@code targetPluginId}: on behalf of the user in {@code onBehalfOf},
   * or, for service credentials (own or a caller's), as this plugin.
   */
  BackstageToken getPluginRequestToken(BackstageCredentials<?> onBehalfOf, String targetPluginId);

  /** A limited-access token for {@code credentials}' user, as put in the user cookie. */
  BackstageToken getLimitedUserToken(BackstageCredentials<BackstageUserPrincipal> credentials);

  /**
   * This plugin's public service keys as JWKs (JSON objects), served at {@code
   * /api/<pluginId>/.backstage/auth/v1/jwks.json} as {@code {keys: [...]}}.
   */
  List<Map<String, Object>> listPublicServiceKeys();
}
