package dev.greenroom.backend.test;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.DiscoveryService;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.HttpServices;
import dev.greenroom.http.standalone.PluginStates;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backend for plain JUnit with every core service, Backstage's {@code startTestBackend}
 * (packages/backend-test-utils/src/wiring/TestBackend.ts). Add the plugin or modules under test,
 * supply extension points, then {@link Builder#start()}:
 *
 * <pre>{@code
 * try (TestBackend backend = TestBackend.builder().add(new TodoPlugin()).start()) {
 *   TestResponse r = backend.http().get("/api/todo/todos").credentials(MockCredentials.user()).send();
 *   assertEquals(200, r.status());
 * }
 * }</pre>
 *
 * What runs by default (each replaced by adding a factory for the same service, e.g. {@code
 * .add(MockServices.Permissions.factory(AuthorizeResult.DENY))}):
 *
 * <ul>
 *   <li>HTTP: greenroom-http's root router, plugin routers (credentials barrier, auth policies,
 *       error bodies) and health, on an embedded Jetty at a free port of 127.0.0.1 ({@link
 *       #http()}); discovery points at it.
 *   <li>auth, httpAuth, userInfo: the mocks of {@link MockServices}, on {@link MockCredentials}'
 *       tokens; a request without {@code Authorization} is the mock user ({@link
 *       Builder#defaultCredentials}).
 *   <li>database: greenroom-database on H2 in memory, in the runtime's PostgreSQL mode, fresh for
 *       each backend ({@link Builder#postgres()} for a real PostgreSQL).
 *   <li>cache: greenroom-cache in memory. scheduler: a {@link MockScheduler} per plugin.
 *   <li>permissions (allow), permissionsRegistry (recording), auditor ({@link MockAuditor}),
 *       urlReader ({@link MockUrlReader}, no files), metrics ({@code RecordingMetrics} per plugin), actionsRegistry ({@link MockActionsRegistry}),
 *       events.service ({@link MockEvents}, one bus per backend).
 *   <li>rootConfig from {@link Builder#config}, rootLogger capturing every line ({@link #logs()}),
 *       logger, lifecycle, rootLifecycle: the runtime's.
 * </ul>
 */
public final class TestBackend implements AutoCloseable {
  private final dev.greenroom.backend.test.base.TestBackend backend;
  private final EmbeddedJetty jetty;
  private final PostgresDatabases postgres;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private TestBackend(
      dev.greenroom.backend.test.base.TestBackend backend, EmbeddedJetty jetty, PostgresDatabases postgres) {
    this.backend = backend;
    this.jetty = jetty;
    this.postgres = postgres;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts a backend with these features and the defaults. */
  public static TestBackend start(BackendFeature... features) {
    Builder b = builder();
    for (BackendFeature f : features) {
      b.add(f);
    }
    return b.start();
  }

  /** A client for this backend's routes. */
  public TestHttp http() {
    if (jetty.port() < 0) {
      throw new IllegalStateException(
          "The test backend has no HTTP server: core.rootHttpRouter was replaced or has not started");
    }
    return new TestHttp(client, URI.create("http://127.0.0.1:" + jetty.port() + "/"));
  }

  /** Every log line of the backend so far (all levels, every plugin), in order. */
  public CapturingLogger logs() {
    return backend.logs();
  }

  /** What {@code start()} reported: each plugin and module, with its failure if any. */
  public BackendStartupResult startupResult() {
    return backend.startupResult();
  }

  /**
   * The instance of {@code ref} that plugin {@code pluginId} gets ({@code "root"} for root
   * services), e.g. {@code (MockScheduler) backend.service(CoreServices.SCHEDULER, "todo")}.
   */
  public <T> T service(ServiceRef<T> ref, String pluginId) {
    return backend.service(ref, pluginId);
  }

  /** Stops the backend: shutdown hooks run, the server stops, a {@link Builder#postgres()} database is dropped. */
  public void stop() {
    try {
      backend.stop();
    } finally {
      if (postgres != null) {
        postgres.dropAll();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Collects features, config and supplied extension points; {@link #start()} starts the backend. */
  public static final class Builder {
    private final List<BackendFeature> features = new ArrayList<>();
    private final List<Map<String, Object>> configs = new ArrayList<>();
    private final Map<String, SuppliedExtensionPoints.Supplied<?>> extensionPoints = new LinkedHashMap<>();
    private BackstageCredentials<?> defaultCredentials = MockCredentials.user();
    private boolean postgres;

    private Builder() {}

    /**
     * A plugin, module or service factory. A factory replaces the default for its service, as
     * {@code backend.add} does.
     */
    public Builder add(BackendFeature feature) {
      features.add(feature);
      return this;
    }

    /** Config data, deep-merged over the defaults and what was given before. */
    public Builder config(Map<String, Object> data) {
      configs.add(data);
      return this;
    }

    /**
     * Supplies extension point {@code ref} to the modules under test, as Backstage's {@code
     * startTestBackend({extensionPoints: [[ref, impl]]})}: test a module without its plugin. The
     * point is registered for the plugin of the tested module that consumes it; a tested module
     * must consume it, else {@link #start()} fails naming the point.
     */
    public <T> Builder extensionPoint(ExtensionPoint<T> ref, T impl) {
      extensionPoints.put(ref.id(), new SuppliedExtensionPoints.Supplied<>(ref, impl));
      return this;
    }

    /**
     * The credentials of a request without {@code Authorization} header: the mock user by default
     * (as in Backstage); {@code MockCredentials.none()} makes such requests unauthenticated.
     */
    public Builder defaultCredentials(BackstageCredentials<?> credentials) {
      this.defaultCredentials = credentials;
      return this;
    }

    /**
     * Databases on the PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, no password) instead of
     * H2: each plugin gets a database of its own, new for this backend and dropped when it stops.
     * Use {@link TestDatabases#postgresAvailable()} to skip a test when there is none.
     */
    public Builder postgres() {
      this.postgres = true;
      return this;
    }

    /**
     * Starts the backend: every plugin and module initialised, the server listening. Start errors
     * propagate after the backend has been stopped.
     *
     * @throws IllegalArgumentException a supplied extension point no tested module consumes
     */
    public TestBackend start() {
      EmbeddedJetty jetty = new EmbeddedJetty();
      PostgresDatabases pg = postgres ? PostgresDatabases.create() : null;
      try {
        dev.greenroom.backend.test.base.TestBackend.Builder b = dev.greenroom.backend.test.base.TestBackend.builder();
        b.config(Map.of("backend", Map.of(
            "listen", Map.of("host", "127.0.0.1", "port", 0),
            "database", pg != null ? pg.config() : Map.of("client", "h2", "connection", ":memory:"))));
        configs.forEach(b::config);
        defaults(jetty).forEach(b::defaultService);
        List<BackendFeature> all = new ArrayList<>(features);
        all.addAll(SuppliedExtensionPoints.features(features, extensionPoints));
        all.forEach(b::add);
        return new TestBackend(b.start(), jetty, pg);
      } catch (RuntimeException e) {
        if (pg != null) {
          pg.dropAll();
        }
        throw e;
      }
    }

    private List<ServiceFactory<?>> defaults(EmbeddedJetty jetty) {
      return List.of(
          HttpServices.rootHttpRouter(jetty),
          HttpServices.httpRouter(),
          HttpServices.rootHealth(PluginStates.NONE),
          discovery(jetty),
          MockServices.Auth.factory(),
          MockServices.HttpAuth.factory(defaultCredentials),
          MockServices.UserInfo.factory(),
          MockServices.Database.factory(),
          MockServices.Cache.factory(),
          MockServices.Scheduler.factory(),
          MockServices.Permissions.factory(),
          MockServices.PermissionsRegistry.factory(),
          MockServices.Auditor.factory(),
          MockServices.UrlReader.factory(Map.of()),
          MockServices.Metrics.factory(),
          MockServices.ActionsRegistry.factory(),
          MockServices.Events.factory());
    }

    /** Discovery at the test server's real port, known once the root router has started it. */
    private static ServiceFactory<DiscoveryService> discovery(EmbeddedJetty jetty) {
      return ServiceFactory.of(CoreServices.DISCOVERY)
          .deps(CoreServices.ROOT_HTTP_ROUTER)
          .factory(deps -> MockServices.discovery("http://127.0.0.1:" + jetty.port()));
    }
  }
}
