package dev.greenroom.example.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.spi.ExtensionPointProvision;
import dev.greenroom.backend.api.spi.FeatureType;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.runtime.internal.defaults.PluginLifecycle;
import dev.greenroom.backend.runtime.internal.services.MapResolvedDeps;
import dev.greenroom.backend.test.CapturingLogger;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import jakarta.servlet.Servlet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ExamplePluginTest {
  private static Registration register() {
    List<Registration> registrations = new ExamplePlugin().getRegistrations();
    assertEquals(1, registrations.size());
    return registrations.get(0);
  }

  private static ExamplesExtensionPoint examplesOf(Registration registration) {
    return (ExamplesExtensionPoint) registration.extensionPoints().get(0).impl();
  }

  /**
   * Runs the init by hand with exactly its declared deps (the registration test pins them), so a
   * read of anything undeclared fails; returns what it logged.
   */
  private static CapturingLogger runInit(Registration registration) throws Exception {
    CapturingLogger logs = new CapturingLogger();
    LoggerService logger = logs.logger();
    DataSource h2 = memoryH2(); // one database for the whole init, as core.database gives
    registration
        .init()
        .init()
        .init(
            new MapResolvedDeps(
                Map.of(
                    CoreServices.LOGGER.id(), logger,
                    CoreServices.LIFECYCLE.id(), new PluginLifecycle(logger),
                    CoreServices.DATABASE.id(), (DatabaseService) () -> h2,
                    CoreServices.HTTP_ROUTER.id(), new HttpRouterService() {
                      @Override
                      public void use(Servlet handler) {}

                      @Override
                      public void addAuthPolicy(HttpRouterServiceAuthPolicy policy) {}
                    })));
    return logs;
  }

  /** A private in-memory H2 in PostgreSQL mode, as core.database opens them. */
  private static DataSource memoryH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:example-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** Every captured line as {@code "<level>: <message>"}, in order. */
  static List<String> lines(CapturingLogger logs) {
    return logs.records().stream().map(r -> r.level() + ": " + r.message()).toList();
  }

  @Test
  void isThePluginExample() {
    ExamplePlugin plugin = new ExamplePlugin();
    assertEquals("example", plugin.pluginId());
    assertEquals(FeatureType.REGISTRATIONS, plugin.featureType());
  }

  @Test
  void registersTheExamplesExtensionPointAndOneInitWithItsDeps() {
    Registration registration = register();

    assertEquals(Registration.PLUGIN, registration.type());
    assertEquals("example", registration.pluginId());
    assertNull(registration.moduleId());

    assertEquals(1, registration.extensionPoints().size());
    ExtensionPointProvision provision = registration.extensionPoints().get(0);
    assertSame(ExampleExtensionPoints.EXAMPLES, provision.extensionPoint());
    assertInstanceOf(ExamplesExtensionPoint.class, provision.impl());
    assertNull(provision.factory());

    assertEquals(
        List.of(CoreServices.LOGGER, CoreServices.LIFECYCLE, CoreServices.DATABASE, CoreServices.HTTP_ROUTER),
        registration.init().deps().asList());
  }

  @Test
  void initLogsHelloAndTheContributedExamplesInOrder() throws Exception {
    Registration registration = register();
    ExamplesExtensionPoint examples = examplesOf(registration);
    // what greetings and then tags contribute at runtime, in that order
    examples.addExample(new Example("hello", "greetings"));
    examples.addExample(new Example("hola", "greetings"));
    examples.addExample(new Example("tagged: greeting, demo", "tags"));

    CapturingLogger logs = runInit(registration);

    assertEquals(
        List.of(
            "info: Hello from example plugin",
            "info: Examples: [hello (greetings), hola (greetings), tagged: greeting, demo (tags)]"),
        lines(logs));
  }

  @Test
  void initAddsAShutdownHookThatLogsWhenTheBackendStops(@TempDir Path data) {
    try (TestBackend backend = new ExampleBackends(data).builder.add(new ExamplePlugin()).start()) {
      List<String> started = pluginLines(backend);
      assertEquals(List.of("info: Hello from example plugin", "info: Examples: []"), started);

      backend.stop();

      assertEquals(
          List.of(
              "info: Hello from example plugin",
              "info: Examples: []",
              "info: example plugin shutting down"),
          pluginLines(backend));
    }
  }

  @Test
  void registerIsSideEffectFreeEachPassCollectsIntoItsOwnList() throws Exception {
    Registration first = register();
    Registration second = register();
    assertNotSame(examplesOf(first), examplesOf(second));

    examplesOf(first).addExample(new Example("hello", "greetings"));

    assertEquals("Examples: []", runInit(second).messages().get(1));
    assertEquals("Examples: [hello (greetings)]", runInit(first).messages().get(1));
  }

  @Test
  void theExtensionPointRejectsNull() {
    assertThrows(NullPointerException.class, () -> examplesOf(register()).addExample(null));
  }

  /** The lines tagged with plugin {@code example} (its own and its modules'), as {@link #lines}. */
  static List<String> pluginLines(TestBackend backend) {
    return backend.logs().records().stream()
        .filter(r -> "example".equals(r.plugin()))
        .map(r -> r.level() + ": " + r.message())
        .toList();
  }
}
