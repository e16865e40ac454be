package dev.greenroom.example.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ExtensionPointProvision;
import dev.greenroom.backend.api.FeatureType;
import dev.greenroom.backend.api.Registration;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.internal.defaults.PluginLifecycle;
import dev.greenroom.backend.runtime.internal.services.MapResolvedDeps;
import dev.greenroom.backend.test.CapturingLogger;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
    registration
        .init()
        .init()
        .init(
            new MapResolvedDeps(
                Map.of(
                    CoreServices.LOGGER.id(), logger,
                    CoreServices.LIFECYCLE.id(), new PluginLifecycle(logger))));
    return logs;
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
  void registersTheExamplesExtensionPointAndOneInitWithLoggerAndLifecycle() {
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
        List.of(CoreServices.LOGGER, CoreServices.LIFECYCLE), registration.init().deps().asList());
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
  void initAddsAShutdownHookThatLogsWhenTheBackendStops() {
    try (TestBackend backend = TestBackend.start(new ExamplePlugin())) {
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
