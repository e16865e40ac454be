package dev.greenroom.auth;

import dev.greenroom.auth.internal.AuthConfig;
import dev.greenroom.auth.internal.AuthRootContext;
import dev.greenroom.auth.internal.DefaultAuthService;
import dev.greenroom.auth.internal.external.ExternalTokenHandler;
import dev.greenroom.auth.internal.http.DefaultHttpAuthService;
import dev.greenroom.auth.internal.plugin.PluginTokenHandler;
import dev.greenroom.auth.internal.user.UserTokenHandler;
import dev.greenroom.auth.internal.userinfo.DefaultUserInfoService;
import dev.greenroom.auth.internal.plugin.PluginKeySource;
import dev.greenroom.auth.internal.plugin.PluginKeySources;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Dependency;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.UserInfoService;
import java.time.Clock;
import java.util.ArrayList;
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
    return all(clock, false);
  }

  /**
   * The three factories; with {@code withDatabase}, core.auth also depends on core.database (see
   * {@link #auth(Clock, boolean)}).
   */
  public static List<ServiceFactory<?>> all(Clock clock, boolean withDatabase) {
    return List.of(auth(clock, withDatabase), httpAuth(clock), userInfo());
  }

  /** core.auth on the system clock. */
  public static ServiceFactory<AuthService> auth() {
    return auth(Clock.systemUTC());
  }

  /**
   * core.auth without core.database: plugin keys in memory (or {@code static} key files). Needs
   * core.discovery. Invalid {@code backend.auth.*} config fails the factory, so the plugin fails to
   * start with an error naming the key.
   */
  public static ServiceFactory<AuthService> auth(Clock clock) {
    return auth(clock, false);
  }

  /**
   * core.auth. With {@code withDatabase} it also depends on core.database, as Backstage's does, so
   * that {@code backend.auth.pluginKeyStore.type: database} (the default when {@code
   * backend.database} is configured) can keep plugin public keys in each plugin's database, shared
   * by replicas. The OSGi runtime registers this variant.
   */
  public static ServiceFactory<AuthService> auth(Clock clock, boolean withDatabase) {
    List<Dependency<?>> deps = new ArrayList<>(List.of(
        CoreServices.ROOT_CONFIG, CoreServices.ROOT_LOGGER, CoreServices.ROOT_LIFECYCLE,
        CoreServices.LOGGER, CoreServices.DISCOVERY, CoreServices.PLUGIN_METADATA));
    if (withDatabase) {
      deps.add(CoreServices.DATABASE);
    }
    return ServiceFactory.of(CoreServices.AUTH)
        .deps(deps.toArray(Dependency<?>[]::new))
        .createRootContext(rootDeps -> AuthRootContext.create(
            clock,
            rootDeps.get(CoreServices.ROOT_CONFIG),
            rootDeps.get(CoreServices.ROOT_LOGGER),
            rootDeps.get(CoreServices.ROOT_LIFECYCLE)))
        .factoryWithContext(
            (deps2, context) -> {
              AuthRootContext root = (AuthRootContext) context;
              RootConfigService config = deps2.get(CoreServices.ROOT_CONFIG);
              LoggerService logger = deps2.get(CoreServices.LOGGER);
              DiscoveryService discovery = deps2.get(CoreServices.DISCOVERY);
              String pluginId = deps2.get(CoreServices.PLUGIN_METADATA).getId();
              AuthConfig authConfig = AuthConfig.read(config);
              UserTokenHandler userTokens =
                  new UserTokenHandler(
                      () -> root.remoteJwks().at(authConfig.userTokenJwksUrl(discovery)),
                      authConfig.userTokenIssuer(),
                      logger,
                      root.clock());
              ExternalTokenHandler externalTokens = new ExternalTokenHandler(pluginId, root.externalAccess());
              PluginKeySource keys = PluginKeySources.create(
                  config, pluginId, withDatabase ? deps2.get(CoreServices.DATABASE) : null, root.keys(), logger,
                  root.clock());
              PluginTokenHandler pluginTokens =
                  new PluginTokenHandler(pluginId, keys, root.keys(), root.remoteJwks(), discovery, logger, root.clock());
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
