package dev.greenroom.backend.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ExtensionPoint;
import dev.greenroom.backend.api.services.AuthorizePermissionRequest;
import dev.greenroom.backend.api.services.AuthorizePermissionResponse;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.CacheService;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.backend.api.services.SchedulerServiceTaskFrequency;
import dev.greenroom.backend.api.services.SchedulerServiceTaskScheduleDefinition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The default services of a TestBackend, supplied extension points, and the ServiceMock stubs. */
@Timeout(60)
class TestBackendServicesTest {
  /** An extension point of plugin {@code todo}, consumed by its {@code validator} module. */
  interface Validators {
    void add(String rule);
  }

  static final ExtensionPoint<Validators> VALIDATORS = ExtensionPoint.create("todo.validators", Validators.class);

  static BackendModule validatorModule() {
    return BackendModule.create("todo", "validator",
        env -> env.registerInit(Deps.of(VALIDATORS), deps -> deps.get(VALIDATORS).add("non-empty")));
  }

  @Test
  void aModuleIsTestedWithASuppliedExtensionPointAndNoPlugin() {
    List<String> rules = new CopyOnWriteArrayList<>();
    try (TestBackend backend = TestBackend.builder()
        .add(validatorModule())
        .extensionPoint(VALIDATORS, rules::add)
        .start()) {
      assertEquals(List.of("non-empty"), rules);
    }
  }

  @Test
  void aSuppliedExtensionPointNoModuleConsumesIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestBackend.builder().extensionPoint(VALIDATORS, rule -> {}).start());
    assertEquals("Unable to determine the plugin ID of extension point(s) 'todo.validators'. "
        + "Tested extension points must be depended on by one or more tested modules.", e.getMessage());
  }

  @Test
  void scheduledTasksRunOnceAtStartupAndWhenTriggered() {
    AtomicInteger runs = new AtomicInteger();
    BackendPlugin plugin = BackendPlugin.create("todo", env -> env.registerInit(
        Deps.of(CoreServices.SCHEDULER), deps -> {
          deps.get(CoreServices.SCHEDULER).scheduleTask("cleanup",
              new SchedulerServiceTaskScheduleDefinition(SchedulerServiceTaskFrequency.every(Duration.ofHours(1)),
                  Duration.ofMinutes(1)), signal -> runs.incrementAndGet());
          deps.get(CoreServices.SCHEDULER).scheduleTask("by-hand",
              new SchedulerServiceTaskScheduleDefinition(SchedulerServiceTaskFrequency.manual(), Duration.ofMinutes(1)),
              signal -> runs.addAndGet(100));
        }));
    MockScheduler scheduler;
    try (TestBackend backend = TestBackend.start(plugin)) {
      assertEquals(1, runs.get(), "the startup run, manual tasks excluded");
      scheduler = (MockScheduler) backend.service(CoreServices.SCHEDULER, "todo");
      scheduler.triggerTask("by-hand");
      assertEquals(101, runs.get());
      assertEquals(List.of("cleanup", "by-hand"), scheduler.runs());
      assertThrows(dev.greenroom.backend.api.errors.NotFoundError.class, () -> scheduler.triggerTask("nope"));
    }
    assertTrue(scheduler.isAborted("cleanup"), "the plugin's shutdown aborts its tasks");
  }

  @Test
  void eachPluginGetsItsOwnCacheAndAnH2DatabaseInTheRuntimesMode() throws Exception {
    AtomicReference<CacheService> cache = new AtomicReference<>();
    AtomicReference<DataSource> db = new AtomicReference<>();
    BackendPlugin plugin = BackendPlugin.create("todo", env -> env.registerInit(
        Deps.of(CoreServices.CACHE, CoreServices.DATABASE), deps -> {
          cache.set(deps.get(CoreServices.CACHE));
          db.set(deps.get(CoreServices.DATABASE).getClient());
        }));
    try (TestBackend backend = TestBackend.start(plugin)) {
      cache.get().set("k", "v");
      assertEquals(Optional.of("v"), cache.get().get("k"));
      try (Connection c = db.get().getConnection(); TestDatabases.TestDatabase standalone = TestDatabases.h2();
          Connection s = standalone.dataSource().getConnection()) {
        assertEquals(modeOf(c), modeOf(s), "TestDatabases.h2() opens H2 as greenroom-database does");
        assertEquals("PostgreSQL", modeOf(c));
      }
    }
  }

  @Test
  void postgresOnRequestGivesAFreshDatabaseDroppedOnStop() throws Exception {
    Assumptions.assumeTrue(TestDatabases.postgresAvailable() || "true".equals(System.getenv("CI")),
        "start PostgreSQL on 127.0.0.1:5432 (user postgres, trust) to run this test");
    AtomicReference<String> name = new AtomicReference<>();
    BackendPlugin plugin = BackendPlugin.create("todo", env -> env.registerInit(
        Deps.of(CoreServices.DATABASE), deps -> {
          try (Connection c = deps.get(CoreServices.DATABASE).getClient().getConnection()) {
            name.set(c.getCatalog());
          }
        }));
    try (TestBackend backend = TestBackend.builder().add(plugin).postgres().start()) {
      assertTrue(name.get().startsWith("gr_test_") && name.get().endsWith("_todo"), name.get());
    }
    try (Connection c = TestDatabases.adminConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name.get() + "'")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "dropped on stop");
    }
  }

  @Test
  void permissionsAllowByDefaultAndAStubRecordsAndAnswers() {
    Permission read = Permission.basic("todo.read", null);
    AtomicReference<PermissionsService> seen = new AtomicReference<>();
    BackendPlugin plugin = BackendPlugin.create("todo", env -> env.registerInit(
        Deps.of(CoreServices.PERMISSIONS), deps -> seen.set(deps.get(CoreServices.PERMISSIONS))));
    try (TestBackend backend = TestBackend.start(plugin)) {
      assertEquals(List.of(new AuthorizePermissionResponse(AuthorizeResult.ALLOW)),
          seen.get().authorize(List.of(AuthorizePermissionRequest.of(read)), MockCredentials.user()));
    }

    ServiceMock<PermissionsService> stub = MockServices.Permissions.mock()
        .on("authorize", args -> List.of(new AuthorizePermissionResponse(AuthorizeResult.DENY)));
    try (TestBackend backend = TestBackend.builder().add(plugin).add(stub.factory()).start()) {
      assertEquals(AuthorizeResult.DENY,
          seen.get().authorize(List.of(AuthorizePermissionRequest.of(read)), MockCredentials.user()).get(0).result());
      assertEquals(1, stub.calls("authorize").size());
    }
  }

  @Test
  void aLoggerStubRecordsOnlyTheCallsMadeAndAnswersChildWithItself() {
    ServiceMock<LoggerService> logger = MockServices.Logger.mock();
    logger.get().info("hello");
    logger.get().child(Map.of("a", "b")).warn("careful");
    assertEquals(List.of(
            new ServiceMock.Call("info", List.of("hello")),
            new ServiceMock.Call("child", List.of(Map.of("a", "b"))),
            new ServiceMock.Call("warn", List.of("careful"))),
        logger.calls());
    assertThrows(IllegalArgumentException.class, () -> logger.on("nope", args -> null));
  }

  private static String modeOf(Connection c) throws Exception {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
