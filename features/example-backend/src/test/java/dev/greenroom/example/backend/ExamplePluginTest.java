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
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplePluginTest {
  private static Registration register() {
    List<Registration> registrations = new ExamplePlugin().getRegistrations();
    assertEquals(1, registrations.size());
    return registrations.get(0);
  }

  private static ExamplesExtensionPoint examplesOf(Registration registration) {
    return (ExamplesExtensionPoint) registration.extensionPoints().get(0).impl();
  }

  private static RecordingLogger runInit(Registration registration, RecordingLifecycle lifecycle)
      throws Exception {
    RecordingLogger logger = new RecordingLogger();
    registration
        .init()
        .init()
        .init(
            new MapResolvedDeps(registration.init().deps())
                .with(CoreServices.LOGGER, logger)
                .with(CoreServices.LIFECYCLE, lifecycle));
    return logger;
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

    RecordingLogger logger = runInit(registration, new RecordingLifecycle());

    assertEquals(
        List.of(
            "Hello from example plugin",
            "Examples: [hello (greetings), hola (greetings), tagged: greeting, demo (tags)]"),
        logger.infos());
  }

  @Test
  void initAddsAShutdownHookThatLogs() throws Exception {
    Registration registration = register();
    RecordingLifecycle lifecycle = new RecordingLifecycle();
    RecordingLogger logger = runInit(registration, lifecycle);

    assertEquals(0, lifecycle.startupHooks.size());
    assertEquals(1, lifecycle.shutdownHooks.size());
    assertEquals(List.of("Hello from example plugin", "Examples: []"), logger.infos());

    lifecycle.runShutdownHooks();
    assertEquals("example plugin shutting down", logger.infos().get(2));
  }

  @Test
  void registerIsSideEffectFreeEachPassCollectsIntoItsOwnList() throws Exception {
    Registration first = register();
    Registration second = register();
    assertNotSame(examplesOf(first), examplesOf(second));

    examplesOf(first).addExample(new Example("hello", "greetings"));

    assertEquals(
        "Examples: []", runInit(second, new RecordingLifecycle()).infos().get(1));
    assertEquals(
        "Examples: [hello (greetings)]", runInit(first, new RecordingLifecycle()).infos().get(1));
  }

  @Test
  void theExtensionPointRejectsNull() {
    assertThrows(NullPointerException.class, () -> examplesOf(register()).addExample(null));
  }
}
