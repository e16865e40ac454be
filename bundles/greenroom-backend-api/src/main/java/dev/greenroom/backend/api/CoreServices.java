package dev.greenroom.backend.api;

import dev.greenroom.backend.api.services.ActionsRegistryService;
import dev.greenroom.backend.api.services.ActionsService;
import dev.greenroom.backend.api.services.AuditorService;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.PermissionsRegistryService;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.backend.api.services.PluginMetadataService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootHealthService;
import dev.greenroom.backend.api.services.RootHttpRouterService;
import dev.greenroom.backend.api.services.RootInstanceMetadataService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import dev.greenroom.backend.api.services.RootLoggerService;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.backend.api.services.UrlReaderService;
import dev.greenroom.backend.api.services.UserInfoService;

/** Refs to the core services, Backstage's {@code coreServices}. Ids are Backstage's. */
public final class CoreServices {
  private CoreServices() {}

  public static final ServiceRef<RootConfigService> ROOT_CONFIG =
      ServiceRef.root("core.rootConfig", RootConfigService.class);
  public static final ServiceRef<RootLoggerService> ROOT_LOGGER =
      ServiceRef.root("core.rootLogger", RootLoggerService.class);
  public static final ServiceRef<LoggerService> LOGGER =
      ServiceRef.create("core.logger", LoggerService.class);
  public static final ServiceRef<RootLifecycleService> ROOT_LIFECYCLE =
      ServiceRef.root("core.rootLifecycle", RootLifecycleService.class);
  public static final ServiceRef<LifecycleService> LIFECYCLE =
      ServiceRef.create("core.lifecycle", LifecycleService.class);
  public static final ServiceRef<PluginMetadataService> PLUGIN_METADATA =
      ServiceRef.create("core.pluginMetadata", PluginMetadataService.class);
  public static final ServiceRef<RootInstanceMetadataService> ROOT_INSTANCE_METADATA =
      ServiceRef.root("core.rootInstanceMetadata", RootInstanceMetadataService.class);
  public static final ServiceRef<RootHttpRouterService> ROOT_HTTP_ROUTER =
      ServiceRef.root("core.rootHttpRouter", RootHttpRouterService.class);
  public static final ServiceRef<HttpRouterService> HTTP_ROUTER =
      ServiceRef.create("core.httpRouter", HttpRouterService.class);
  public static final ServiceRef<RootHealthService> ROOT_HEALTH =
      ServiceRef.root("core.rootHealth", RootHealthService.class);
  public static final ServiceRef<DatabaseService> DATABASE =
      ServiceRef.create("core.database", DatabaseService.class);
  public static final ServiceRef<DiscoveryService> DISCOVERY =
      ServiceRef.create("core.discovery", DiscoveryService.class);
  public static final ServiceRef<SchedulerService> SCHEDULER =
      ServiceRef.create("core.scheduler", SchedulerService.class);
  public static final ServiceRef<AuthService> AUTH =
      ServiceRef.create("core.auth", AuthService.class);
  public static final ServiceRef<HttpAuthService> HTTP_AUTH =
      ServiceRef.create("core.httpAuth", HttpAuthService.class);
  public static final ServiceRef<UserInfoService> USER_INFO =
      ServiceRef.create("core.userInfo", UserInfoService.class);
  public static final ServiceRef<PermissionsService> PERMISSIONS =
      ServiceRef.create("core.permissions", PermissionsService.class);
  public static final ServiceRef<PermissionsRegistryService> PERMISSIONS_REGISTRY =
      ServiceRef.create("core.permissionsRegistry", PermissionsRegistryService.class);
  public static final ServiceRef<CacheService> CACHE =
      ServiceRef.create("core.cache", CacheService.class);
  public static final ServiceRef<UrlReaderService> URL_READER =
      ServiceRef.create("core.urlReader", UrlReaderService.class);
  public static final ServiceRef<AuditorService> AUDITOR =
      ServiceRef.create("core.auditor", AuditorService.class);

  /**
   * Registers this plugin's actions and serves them at {@code
   * /api/<pluginId>/.backstage/actions/v1/actions}. Upstream's {@code actionsRegistryServiceRef}
   * (alpha); implemented by bundle greenroom-actions, see docs/actions.md.
   */
  public static final ServiceRef<ActionsRegistryService> ACTIONS_REGISTRY =
      ServiceRef.create("alpha.core.actionsRegistry", ActionsRegistryService.class);

  /**
   * Lists and invokes the actions of the plugins in {@code backend.actions.pluginSources}.
   * Upstream's {@code actionsServiceRef} (alpha); implemented by bundle greenroom-actions.
   */
  public static final ServiceRef<ActionsService> ACTIONS =
      ServiceRef.create("alpha.core.actions", ActionsService.class);
}
