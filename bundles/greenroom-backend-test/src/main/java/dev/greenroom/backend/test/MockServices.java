package dev.greenroom.backend.test;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.metrics.MetricsRefs;
import dev.greenroom.backend.api.metrics.MetricsService;
import dev.greenroom.backend.api.services.ActionsRegistryService;
import dev.greenroom.backend.api.services.AuditorService;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.MigrationsOptions;
import dev.greenroom.backend.api.services.PermissionsRegistryService;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootHealthService;
import dev.greenroom.backend.api.services.RootHttpRouterService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import dev.greenroom.backend.api.services.RootLoggerService;
import dev.greenroom.backend.api.services.SchedulerService;
import dev.greenroom.backend.api.services.UrlReaderService;
import dev.greenroom.backend.api.services.UserInfoService;
import dev.greenroom.backend.runtime.internal.defaults.DefaultServiceFactories;
import dev.greenroom.backend.runtime.internal.defaults.MapConfig;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.base.RecordingMetrics;
import dev.greenroom.cache.internal.CacheServiceFactory;
import dev.greenroom.database.DatabaseServiceFactories;
import dev.greenroom.events.EventsService;
import dev.greenroom.events.EventsServiceRefs;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Test doubles of the core services, Backstage's {@code mockServices}
 * (packages/backend-test-utils/src/services/mockServices.ts), in three shapes:
 *
 * <ol>
 *   <li>a working fake, often simplified: {@code MockServices.permissions()}, {@code
 *       MockServices.auth()}, {@code MockServices.scheduler()}...;
 *   <li>a stub that records its calls: {@code MockServices.Permissions.mock()}, a {@link
 *       ServiceMock} (Backstage's jest mock);
 *   <li>a service factory to add to a {@link TestBackend}: {@code MockServices.Permissions.factory()},
 *       {@code MockServices.Permissions.mock().factory()}.
 * </ol>
 *
 * A {@link TestBackend} already runs on the {@code factory()} of each (see {@link
 * TestBackend.Builder}); adding one of these replaces that default. Where Backstage's factory is the
 * production implementation, so is Greenroom's: the database (H2 in memory, in the runtime's
 * PostgreSQL mode), the cache (memory), the HTTP routers and health, lifecycle and logger.
 */
public final class MockServices {
  private MockServices() {}

  /** Config from a map tree, e.g. {@code Map.of("todo", Map.of("pageSize", 20))}. */
  public static RootConfigService rootConfig(Map<String, Object> data) {
    return new MapConfig(data, "mock-config");
  }

  /** The mock {@code core.auth} of plugin {@code test}. */
  public static AuthService auth() {
    return auth("test");
  }

  /** The mock {@code core.auth} of {@code pluginId}: accepts the tokens of {@link MockCredentials}. */
  public static AuthService auth(String pluginId) {
    return new MockAuthService(pluginId, false);
  }

  /** The mock {@code core.httpAuth} of plugin {@code test}; a request without header is the mock user. */
  public static HttpAuthService httpAuth() {
    return httpAuth("test", MockCredentials.user());
  }

  /** The mock {@code core.httpAuth} of {@code pluginId}; a request without header has {@code defaultCredentials}. */
  public static HttpAuthService httpAuth(String pluginId, BackstageCredentials<?> defaultCredentials) {
    return new MockHttpAuthService(pluginId, defaultCredentials);
  }

  /** {@code core.userInfo}: a user owns only itself. */
  public static UserInfoService userInfo() {
    return new MockUserInfoService(null);
  }

  /** {@code core.userInfo}: every user owns {@code ownershipEntityRefs}. */
  public static UserInfoService userInfo(List<String> ownershipEntityRefs) {
    return new MockUserInfoService(ownershipEntityRefs);
  }

  /** {@code core.discovery} on {@code http://localhost:0}: a port nothing listens on. */
  public static DiscoveryService discovery() {
    return discovery("http://localhost:0");
  }

  static DiscoveryService discovery(String origin) {
    return new DiscoveryService() {
      @Override
      public String getBaseUrl(String pluginId) {
        return origin + "/api/" + pluginId;
      }

      @Override
      public String getExternalBaseUrl(String pluginId) {
        return origin + "/api/" + pluginId;
      }
    };
  }

  /** {@code core.database} handing out {@code dataSource} (e.g. a {@link TestDatabases} one). */
  public static DatabaseService database(DataSource dataSource) {
    return database(dataSource, false);
  }

  /** As {@link #database(DataSource)}; {@code skipMigrations} is what {@code migrations().skip()} says. */
  public static DatabaseService database(DataSource dataSource, boolean skipMigrations) {
    return new DatabaseService() {
      @Override
      public DataSource getClient() {
        return dataSource;
      }

      @Override
      public MigrationsOptions migrations() {
        return new MigrationsOptions(skipMigrations);
      }
    };
  }

  /** A scheduler that runs tasks when the test triggers them; see {@link MockScheduler}. */
  public static MockScheduler scheduler() {
    return new MockScheduler();
  }

  /** {@code core.permissions} allowing everything. */
  public static PermissionsService permissions() {
    return permissions(AuthorizeResult.ALLOW);
  }

  /** {@code core.permissions} answering {@code result} (ALLOW or DENY) to everything. */
  public static PermissionsService permissions(AuthorizeResult result) {
    return new MockPermissionsService(result);
  }

  /** {@code events.service}: a new {@link MockEvents} bus, seen from plugin {@code test}. */
  public static MockEvents events() {
    return MockEvents.create();
  }

  /** {@code core.auditor} keeping its events; see {@link MockAuditor}. */
  public static MockAuditor auditor() {
    return new MockAuditor(null);
  }

  /** {@code core.urlReader} serving {@code files} (URL to text) and nothing else. */
  public static MockUrlReader urlReader(Map<String, String> files) {
    return new MockUrlReader(files);
  }

  /** {@code core.rootConfig}. */
  public static final class RootConfig {
    private RootConfig() {}

    public static ServiceFactory<RootConfigService> factory(Map<String, Object> data) {
      return ServiceFactory.ofInstance(CoreServices.ROOT_CONFIG, rootConfig(data));
    }

    public static ServiceMock<RootConfigService> mock() {
      return ServiceMock.of(CoreServices.ROOT_CONFIG);
    }
  }

  /** {@code core.rootLogger}. */
  public static final class RootLogger {
    private RootLogger() {}

    /** A root logger recording every line into {@code logs}. */
    public static ServiceFactory<RootLoggerService> factory(CapturingLogger logs) {
      RootLoggerService root = logs.logger();
      return ServiceFactory.ofInstance(CoreServices.ROOT_LOGGER, root);
    }

    public static ServiceMock<RootLoggerService> mock() {
      return ServiceMock.of(CoreServices.ROOT_LOGGER);
    }
  }

  /** {@code core.logger}. */
  public static final class Logger {
    private Logger() {}

    /** The runtime's: a child of the root logger tagged with the plugin id. */
    public static ServiceFactory<LoggerService> factory() {
      return DefaultServiceFactories.logger();
    }

    public static ServiceMock<LoggerService> mock() {
      return ServiceMock.of(CoreServices.LOGGER);
    }
  }

  /** {@code core.auth}. */
  public static final class Auth {
    private Auth() {}

    /** Each plugin's mock auth; honours {@code backend.auth.dangerouslyDisableDefaultAuthPolicy}. */
    public static ServiceFactory<AuthService> factory() {
      return ServiceFactory.of(CoreServices.AUTH)
          .deps(CoreServices.PLUGIN_METADATA, CoreServices.ROOT_CONFIG)
          .factory(deps -> new MockAuthService(
              deps.get(CoreServices.PLUGIN_METADATA).getId(),
              deps.get(CoreServices.ROOT_CONFIG)
                  .getOptionalBoolean("backend.auth.dangerouslyDisableDefaultAuthPolicy").orElse(false)));
    }

    public static ServiceMock<AuthService> mock() {
      return ServiceMock.of(CoreServices.AUTH);
    }
  }

  /** {@code core.httpAuth}. */
  public static final class HttpAuth {
    private HttpAuth() {}

    /** Each plugin's mock httpAuth; a request without {@code Authorization} is the mock user. */
    public static ServiceFactory<HttpAuthService> factory() {
      return factory(MockCredentials.user());
    }

    /** As {@link #factory()}; a request without {@code Authorization} has {@code defaultCredentials}. */
    public static ServiceFactory<HttpAuthService> factory(BackstageCredentials<?> defaultCredentials) {
      return ServiceFactory.of(CoreServices.HTTP_AUTH)
          .deps(CoreServices.PLUGIN_METADATA)
          .factory(deps -> new MockHttpAuthService(
              deps.get(CoreServices.PLUGIN_METADATA).getId(), defaultCredentials));
    }

    public static ServiceMock<HttpAuthService> mock() {
      return ServiceMock.of(CoreServices.HTTP_AUTH);
    }
  }

  /** {@code core.userInfo}. */
  public static final class UserInfo {
    private UserInfo() {}

    public static ServiceFactory<UserInfoService> factory() {
      return ServiceFactory.ofInstance(CoreServices.USER_INFO, userInfo());
    }

    public static ServiceMock<UserInfoService> mock() {
      return ServiceMock.of(CoreServices.USER_INFO);
    }
  }

  /** {@code core.discovery}. */
  public static final class Discovery {
    private Discovery() {}

    /** {@link #discovery()}; a {@link TestBackend} uses one pointing at its own server instead. */
    public static ServiceFactory<DiscoveryService> factory() {
      return ServiceFactory.ofInstance(CoreServices.DISCOVERY, discovery());
    }

    public static ServiceMock<DiscoveryService> mock() {
      return ServiceMock.of(CoreServices.DISCOVERY);
    }
  }

  /** {@code core.database}. */
  public static final class Database {
    private Database() {}

    /**
     * The production factory (greenroom-database): one database per plugin from {@code
     * backend.database}; a {@link TestBackend} configures H2 in memory unless told otherwise.
     */
    public static ServiceFactory<DatabaseService> factory() {
      return DatabaseServiceFactories.database();
    }

    /** Every plugin gets {@code dataSource}. */
    public static ServiceFactory<DatabaseService> factory(DataSource dataSource) {
      return ServiceFactory.ofInstance(CoreServices.DATABASE, database(dataSource));
    }

    public static ServiceMock<DatabaseService> mock() {
      return ServiceMock.of(CoreServices.DATABASE);
    }
  }

  /** {@code core.cache}. */
  public static final class Cache {
    private Cache() {}

    /** The production factory (greenroom-cache): in memory unless {@code backend.cache} says otherwise. */
    public static ServiceFactory<CacheService> factory() {
      return CacheServiceFactory.create();
    }

    public static ServiceMock<CacheService> mock() {
      return ServiceMock.of(CoreServices.CACHE);
    }
  }

  /** {@code core.scheduler}. */
  public static final class Scheduler {
    private Scheduler() {}

    /** A {@link MockScheduler} per plugin; every task runs once at the plugin's startup. */
    public static ServiceFactory<SchedulerService> factory() {
      return MockScheduler.factory(MockScheduler.StartupRuns.DEFAULT);
    }

    public static ServiceFactory<SchedulerService> factory(MockScheduler.StartupRuns startup) {
      return MockScheduler.factory(startup);
    }

    public static ServiceMock<SchedulerService> mock() {
      return ServiceMock.of(CoreServices.SCHEDULER);
    }
  }

  /** {@code core.lifecycle}. */
  public static final class Lifecycle {
    private Lifecycle() {}

    /** The runtime's. */
    @SuppressWarnings("unchecked")
    public static ServiceFactory<LifecycleService> factory() {
      return (ServiceFactory<LifecycleService>) DefaultServiceFactories.lifecycle();
    }

    public static ServiceMock<LifecycleService> mock() {
      return ServiceMock.of(CoreServices.LIFECYCLE);
    }
  }

  /** {@code core.rootLifecycle}. */
  public static final class RootLifecycle {
    private RootLifecycle() {}

    /** The runtime's. */
    @SuppressWarnings("unchecked")
    public static ServiceFactory<RootLifecycleService> factory() {
      return (ServiceFactory<RootLifecycleService>) DefaultServiceFactories.rootLifecycle();
    }

    public static ServiceMock<RootLifecycleService> mock() {
      return ServiceMock.of(CoreServices.ROOT_LIFECYCLE);
    }
  }

  /** {@code core.httpRouter}: a {@link TestBackend} runs greenroom-http's; this stub records {@code use} and policies. */
  public static final class HttpRouter {
    private HttpRouter() {}

    public static ServiceMock<HttpRouterService> mock() {
      return ServiceMock.of(CoreServices.HTTP_ROUTER);
    }
  }

  /** {@code core.rootHttpRouter}: a {@link TestBackend} runs greenroom-http's. */
  public static final class RootHttpRouter {
    private RootHttpRouter() {}

    public static ServiceMock<RootHttpRouterService> mock() {
      return ServiceMock.of(CoreServices.ROOT_HTTP_ROUTER);
    }
  }

  /** {@code core.rootHealth}: a {@link TestBackend} runs greenroom-http's. */
  public static final class RootHealth {
    private RootHealth() {}

    public static ServiceMock<RootHealthService> mock() {
      return ServiceMock.of(CoreServices.ROOT_HEALTH);
    }
  }

  /** {@code core.permissions}. */
  public static final class Permissions {
    private Permissions() {}

    /** Allows everything. */
    public static ServiceFactory<PermissionsService> factory() {
      return factory(AuthorizeResult.ALLOW);
    }

    public static ServiceFactory<PermissionsService> factory(AuthorizeResult result) {
      return ServiceFactory.ofInstance(CoreServices.PERMISSIONS, permissions(result));
    }

    public static ServiceMock<PermissionsService> mock() {
      return ServiceMock.of(CoreServices.PERMISSIONS);
    }
  }

  /** {@code core.permissionsRegistry}: Greenroom has no registry yet, so the default records calls. */
  public static final class PermissionsRegistry {
    private PermissionsRegistry() {}

    /** A recording stub per plugin. */
    public static ServiceFactory<PermissionsRegistryService> factory() {
      return ServiceFactory.of(CoreServices.PERMISSIONS_REGISTRY)
          .factory(deps -> ServiceMock.of(CoreServices.PERMISSIONS_REGISTRY).get());
    }

    public static ServiceMock<PermissionsRegistryService> mock() {
      return ServiceMock.of(CoreServices.PERMISSIONS_REGISTRY);
    }
  }

  /** {@code core.auditor}. */
  public static final class Auditor {
    private Auditor() {}

    /** A {@link MockAuditor} per plugin, logging to the plugin's logger. */
    public static ServiceFactory<AuditorService> factory() {
      return ServiceFactory.of(CoreServices.AUDITOR)
          .deps(CoreServices.LOGGER)
          .factory(deps -> new MockAuditor(deps.get(CoreServices.LOGGER)));
    }

    public static ServiceMock<AuditorService> mock() {
      return ServiceMock.of(CoreServices.AUDITOR);
    }
  }

  /** {@code core.urlReader}. */
  public static final class UrlReader {
    private UrlReader() {}

    /** Serves {@code files} (URL to text) to every plugin, nothing else. */
    public static ServiceFactory<UrlReaderService> factory(Map<String, String> files) {
      return ServiceFactory.ofInstance(CoreServices.URL_READER, urlReader(files));
    }

    public static ServiceMock<UrlReaderService> mock() {
      return ServiceMock.of(CoreServices.URL_READER);
    }
  }

  /**
   * {@code alpha.core.metrics}: a {@link RecordingMetrics} per plugin, so a test reads what the
   * plugin measured ({@code ((RecordingMetrics) backend.service(MetricsRefs.METRICS, "todo")).sum(...)}).
   */
  public static final class Metrics {
    private Metrics() {}

    /** A fresh recording metrics service per plugin. */
    public static ServiceFactory<MetricsService> factory() {
      return ServiceFactory.of(MetricsRefs.METRICS).factory(deps -> new RecordingMetrics());
    }

    /** A stub whose calls the test can inspect. */
    public static ServiceMock<MetricsService> mock() {
      return ServiceMock.of(MetricsRefs.METRICS);
    }
  }

  /**
   * {@code events.service}: one {@link MockEvents} bus per backend, a view of it per plugin (reach
   * it with {@code (MockEvents) backend.service(EventsServiceRefs.EVENTS, id)}). For the real
   * service (in-process, or the PostgreSQL bus with {@code .postgres()}) add {@code
   * EventsServiceFactories.features()} instead.
   */
  public static final class Events {
    private Events() {}

    /** A {@link MockEvents} bus shared by the backend's plugins. */
    public static ServiceFactory<EventsService> factory() {
      return ServiceFactory.of(EventsServiceRefs.EVENTS)
          .deps(CoreServices.PLUGIN_METADATA)
          .createRootContext(root -> MockEvents.create())
          .factoryWithContext((deps, bus) -> ((MockEvents) bus).forPlugin(deps.get(CoreServices.PLUGIN_METADATA).getId()));
    }

    /** A stub whose calls the test can inspect. */
    public static ServiceMock<EventsService> mock() {
      return ServiceMock.of(EventsServiceRefs.EVENTS);
    }
  }

  /** {@code alpha.core.actionsRegistry}: a {@link MockActionsRegistry} per plugin. */
  public static final class ActionsRegistry {
    private ActionsRegistry() {}

    /** An in-memory registry per plugin; reach it with {@code backend.service(CoreServices.ACTIONS_REGISTRY, id)}. */
    public static ServiceFactory<ActionsRegistryService> factory() {
      return ServiceFactory.of(CoreServices.ACTIONS_REGISTRY)
          .deps(CoreServices.LOGGER)
          .factory(deps -> new MockActionsRegistry(deps.get(CoreServices.LOGGER)));
    }

    /** A stub whose calls the test can inspect. */
    public static ServiceMock<ActionsRegistryService> mock() {
      return ServiceMock.of(CoreServices.ACTIONS_REGISTRY);
    }
  }
}
