package dev.greenroom.auth.backend.internal;

import dev.greenroom.auth.node.AuthProviderFactory;
import dev.greenroom.auth.node.AuthProviderFactoryContext;
import dev.greenroom.auth.node.AuthResolverContext;
import dev.greenroom.auth.node.RedirectUrls;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.api.services.LoggerService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The init of plugin {@code auth}: reads {@code auth.*}, makes the token factory and the providers,
 * and mounts the routes without a credentials barrier (upstream's auth policy {@code path: '/',
 * allow: 'unauthenticated'}: signing in is what a visitor without credentials does).
 */
public final class AuthBackend {
  /** {@code auth.environment}'s default, as upstream. */
  public static final String DEFAULT_ENVIRONMENT = "development";
  /** Upstream's default {@code auth.backstageTokenExpiration}. */
  static final Duration TOKEN_DURATION = Duration.ofHours(1);

  private AuthBackend() {}

  public static void start(
      Map<String, AuthProviderFactory> factories,
      Config config,
      LoggerService logger,
      HttpRouterService router,
      DiscoveryService discovery,
      AuthService auth,
      HttpAuthService httpAuth,
      Clock clock) {
    String environment = config.getOptionalString("auth.environment").orElse(DEFAULT_ENVIRONMENT);
    String baseUrl = discovery.getExternalBaseUrl("auth");
    String appUrl = config.getOptionalString("app.baseUrl").orElse(RedirectUrls.origin(discovery.getExternalBaseUrl("app")));
    String appOrigin = RedirectUrls.origin(appUrl);
    TokenFactory tokens = new TokenFactory(baseUrl, tokenDuration(config), logger, clock);
    AuthResolverContext resolverContext = (sub, ent) -> tokens.issueToken(sub, ent);
    AuthProviderFactoryContext.UserCookieIssuer userCookie =
        (response, token) -> httpAuth.issueUserCookie(response, auth.authenticate(token, false));
    Optional<Config> providersConfig = config.getOptionalConfig("auth.providers");
    ProviderRoutes routes = ProviderRoutes.create(
        factories,
        providersConfig,
        environment,
        id -> new AuthProviderFactoryContext(
            id,
            providersConfig.get().getConfig(id),
            environment,
            baseUrl,
            appUrl,
            origin -> appOrigin.equals(safeOrigin(origin)),
            resolverContext,
            userCookie,
            logger,
            clock),
        logger);
    providersConfig.ifPresent(c -> {
      for (String id : c.keys()) {
        if (!factories.containsKey(id)) {
          logger.info("auth.providers." + id + " is configured but no module registers provider '" + id + "'");
        }
      }
    });
    router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/"));
    router.use(new AuthRouter(tokens, routes, httpAuth, baseUrl));
    logger.info("Auth providers: " + (routes.active().isEmpty() ? "none" : String.join(", ", routes.active()))
        + " (auth.environment " + environment + ")");
  }

  /** {@code auth.backstageTokenExpiration} in minutes or as {@code {minutes|hours: n}}; upstream's 10 min .. 24 h bounds. */
  static Duration tokenDuration(Config config) {
    Optional<Config> c = config.getOptionalConfig("auth.backstageTokenExpiration");
    if (c.isEmpty()) {
      return TOKEN_DURATION;
    }
    Duration d = Duration.ZERO;
    d = d.plusHours(c.get().getOptionalNumber("hours").orElse(0.0).longValue());
    d = d.plusMinutes(c.get().getOptionalNumber("minutes").orElse(0.0).longValue());
    d = d.plusSeconds(c.get().getOptionalNumber("seconds").orElse(0.0).longValue());
    if (d.compareTo(Duration.ofMinutes(10)) < 0) {
      return Duration.ofMinutes(10);
    }
    return d.compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(24) : d;
  }

  private static String safeOrigin(String origin) {
    try {
      return RedirectUrls.origin(origin);
    } catch (RuntimeException e) {
      return null;
    }
  }

}
