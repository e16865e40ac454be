package dev.greenroom.auth.internal;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.DiscoveryService;

/**
 * The {@code backend.auth} settings core.auth reads besides {@code externalAccess}.
 *
 * @param disableDefaultAuthPolicy {@code backend.auth.dangerouslyDisableDefaultAuthPolicy}
 * @param userTokenJwksUrl {@code backend.auth.userTokens.jwksUrl}, or null for the auth plugin's
 *     {@code /.well-known/jwks.json} found through discovery (Backstage's behaviour)
 * @param userTokenIssuer {@code backend.auth.userTokens.issuer}, or null to accept any issuer
 */
public record AuthConfig(boolean disableDefaultAuthPolicy, String userTokenJwksUrl, String userTokenIssuer) {
  public static AuthConfig read(Config config) {
    return new AuthConfig(
        config.getOptionalBoolean("backend.auth.dangerouslyDisableDefaultAuthPolicy").orElse(false),
        config.getOptionalString("backend.auth.userTokens.jwksUrl").orElse(null),
        config.getOptionalString("backend.auth.userTokens.issuer").orElse(null));
  }

  /** Where the auth backend's public keys are, looked up now (discovery may move). */
  public String userTokenJwksUrl(DiscoveryService discovery) {
    return userTokenJwksUrl != null ? userTokenJwksUrl : discovery.getBaseUrl("auth") + "/.well-known/jwks.json";
  }
}
