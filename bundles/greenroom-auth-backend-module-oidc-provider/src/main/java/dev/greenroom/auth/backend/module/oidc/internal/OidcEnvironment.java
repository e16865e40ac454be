package dev.greenroom.auth.backend.module.oidc.internal;

import dev.greenroom.backend.api.services.Config;
import java.util.List;

/**
 * One environment's settings, {@code auth.providers.oidc.<env>} (upstream's config.d.ts of the OIDC
 * module): {@code metadataUrl}, {@code clientId}, {@code clientSecret} required; {@code
 * callbackUrl} (default {@code <auth base>/oidc/handler/frame}), {@code scope} (default {@code
 * openid profile email}) plus {@code additionalScopes}, {@code prompt}, {@code
 * tokenEndpointAuthMethod} ({@code client_secret_basic}), {@code tokenSignedResponseAlg} ({@code
 * RS256}), {@code signIn.resolvers}.
 */
record OidcEnvironment(
    String name,
    String metadataUrl,
    String clientId,
    String clientSecret,
    String callbackUrl,
    String scope,
    String prompt,
    String tokenEndpointAuthMethod,
    String tokenSignedResponseAlg,
    SignInResolvers resolvers) {

  static OidcEnvironment read(String name, Config c, String authBaseUrl) {
    String prefix = "auth.providers.oidc." + name + ".";
    String scope = c.getOptionalString("scope").orElse("openid profile email");
    for (String extra : c.getOptionalStringArray("additionalScopes").orElse(List.of())) {
      if (!List.of(scope.split(" ")).contains(extra)) {
        scope = scope + " " + extra;
      }
    }
    String method = c.getOptionalString("tokenEndpointAuthMethod").orElse("client_secret_basic");
    if (!method.equals("client_secret_basic") && !method.equals("client_secret_post")) {
      throw new IllegalArgumentException("Unsupported " + prefix + "tokenEndpointAuthMethod '" + method
          + "', expected client_secret_basic or client_secret_post");
    }
    return new OidcEnvironment(
        name,
        required(c, "metadataUrl", prefix),
        required(c, "clientId", prefix),
        required(c, "clientSecret", prefix),
        c.getOptionalString("callbackUrl").orElse(authBaseUrl + "/oidc/handler/frame"),
        scope,
        c.getOptionalString("prompt").orElse(null),
        method,
        c.getOptionalString("tokenSignedResponseAlg").orElse("RS256"),
        SignInResolvers.read(c, prefix));
  }

  private static String required(Config c, String key, String prefix) {
    return c.getOptionalString(key).filter(s -> !s.isEmpty())
        .orElseThrow(() -> new IllegalArgumentException("Missing required config value at '" + prefix + key + "'"));
  }

  /** The secret stays out of logs and error pages. */
  @Override
  public String toString() {
    return "OidcEnvironment[" + name + ", metadataUrl=" + metadataUrl + ", clientId=" + clientId + ", clientSecret=<redacted>]";
  }
}
