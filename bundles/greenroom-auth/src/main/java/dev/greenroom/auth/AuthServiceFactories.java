package dev.greenroom.auth;

import dev.greenroom.auth.internal.AuthConfig;
import dev.greenroom.auth.internal.AuthRootContext;
import dev.greenroom.auth.internal.DefaultAuthService;
import dev.greenroom.auth.internal.external.ExternalTokenHandler;
import dev.greenroom.auth.internal.http.DefaultHttpAuthService;
import dev.greenroom.auth.internal.plugin.PluginTokenHandler;
import dev.greenroom.auth.internal.user.UserTokenHandler;
import dev.greenroom.auth.internal.userinfo.DefaultUserInfoService;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.UserInfoService;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Factories for core.auth, core.httpAuth and core.userInfo (all plugin-scoped). core.auth's root
 * context holds the keys of every plugin of the backend, so plugins of one instance verify each
 * other's service tokens without HTTP. Config: see docs/auth.md.
 *
 * <pre>{@code
 * TestBackend.builder()
 *     .add(myPlugin)
 *     .defaultService(myDiscovery)
 *     .defaultService(AuthServiceFactories.auth())
 *     .defaultService(AuthServiceFactories.httpAuth())
 *     .defaultService(AuthServiceFactories.userInfo())
 *     .start();
 * }</pre>
 */
public final class AuthServiceFactories {
  private AuthServiceFactories() {}

  /** The three factories, on the system clock. */
  public static List<ServiceFactory<?>> all() {
    return all(Clock.systemUTC());
  }

  /** The three factories; tokens are issued and checked at {@code clock}'s time. */
  public static List<ServiceFactory<?>> all(Clock clock) {
    return List.of(auth(clock), httpAuth(clock), userInfo());
  }

  /** core.auth on the system clock. */
  public static ServiceFactory<AuthService> auth() {
    return auth(Clock.systemUTC());
  }

  /**
   * core.auth. Needs core.discovery. Invalid {@code backend.auth.*} config fails the factory, so
   * the plugin fails to start with an error naming the key.
   */
  public static ServiceFactory<AuthService> auth(Clock clock) {
    return ServiceFactory.of(CoreServices.AUTH)
        .deps(CoreServices.ROOT_CONFIG, CoreServices.LOGGER, CoreServices.DISCOVERY, CoreServices.PLUGIN_METADATA)
        .createRootContext(rootDeps -> AuthRootContext.create(clock))
        .factoryWithContext(
            (deps, context) -> {
              AuthRootContext root = (AuthRootContext) context;
              RootConfigService config = deps.get(CoreServices.ROOT_CONFIG);
              LoggerService logger = deps.get(CoreServices.LOGGER);
              DiscoveryService discovery = deps.get(CoreServices.DISCOVERY);
              String pluginId = deps.get(CoreServices.PLUGIN_METADATA).getId();
              AuthConfig authConfig = AuthConfig.read(config, logger);
              UserTokenHandler userTokens =
                  new UserTokenHandler(
                      () -> root.remoteJwks().at(authConfig.userTokenJwksUrl(discovery)),
                      authConfig.userTokenIssuer(),
                      logger,
                      root.clock());
              PluginTokenHandler pluginTokens =
                  new PluginTokenHandler(pluginId, root.keys(), root.remoteJwks(), discovery, logger, root.clock());
              ExternalTokenHandler externalTokens =
                  ExternalTokenHandler.create(pluginId, config, logger, root.remoteJwks(), root.clock());
              return new DefaultAuthService(
                  userTokens, pluginTokens, externalTokens, pluginId, authConfig.disableDefaultAuthPolicy());
            });
  }

  /** core.httpAuth on the system clock. */
  public static ServiceFactory<HttpAuthService> httpAuth() {
    return httpAuth(Clock.systemUTC());
  }

  /** core.httpAuth; {@code clock} decides when an existing user cookie is renewed. */
  public static ServiceFactory<HttpAuthService> httpAuth(Clock clock) {
    return ServiceFactory.of(CoreServices.HTTP_AUTH)
        .deps(CoreServices.AUTH, CoreServices.DISCOVERY, CoreServices.PLUGIN_METADATA)
        .factory(
            deps ->
                new DefaultHttpAuthService(
                    deps.get(CoreServices.AUTH),
                    deps.get(CoreServices.DISCOVERY),
                    deps.get(CoreServices.PLUGIN_METADATA).getId(),
                    clock));
  }

  /** core.userInfo. */
  public static ServiceFactory<UserInfoService> userInfo() {
    return ServiceFactory.of(CoreServices.USER_INFO)
        .deps(CoreServices.DISCOVERY)
        .factory(deps -> new DefaultUserInfoService(deps.get(CoreServices.DISCOVERY)));
  }

  /** The JWKS document body for a plugin's public service keys: {@code {"keys": [...]}}. */
  public static Map<String, Object> jwksDocument(AuthService auth) {
    return Map.of("keys", auth.listPublicServiceKeys());
  }
}
