package dev.greenroom.auth.node;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.LoggerService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * What a provider factory gets (Backstage's {@code AuthProviderFactory} options).
 *
 * @param providerId the provider's id, its path segment below {@code /api/auth}
 * @param config {@code auth.providers.<providerId>}
 * @param environment {@code auth.environment} (default {@code development})
 * @param baseUrl the auth plugin's external base URL, e.g. {@code http://localhost:7007/api/auth}
 * @param appUrl {@code app.baseUrl} (default: the backend's external origin, where Greenroom serves the app)
 * @param isOriginAllowed whether a browser origin may receive sign-in results
 * @param resolverContext issues Backstage user tokens for a sign-in result
 * @param userCookie sets the {@code backstage-auth} user cookie for a token (Greenroom's redirect flow)
 */
public record AuthProviderFactoryContext(
    String providerId,
    Config config,
    String environment,
    String baseUrl,
    String appUrl,
    Predicate<String> isOriginAllowed,
    AuthResolverContext resolverContext,
    UserCookieIssuer userCookie,
    LoggerService logger,
    Clock clock) {

  /** Sets the user cookie (the limited user token of {@code backstageToken}) on a response. */
  @FunctionalInterface
  public interface UserCookieIssuer {
    void issue(HttpServletResponse response, String backstageToken);
  }
}
