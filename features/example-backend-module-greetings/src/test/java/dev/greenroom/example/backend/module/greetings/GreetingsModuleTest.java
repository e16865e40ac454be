package dev.greenroom.example.backend.module.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Registration;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreetingsModuleTest {
  private static Registration register() {
    List<Registration> registrations = new GreetingsModule().getRegistrations();
    assertEquals(1, registrations.size());
    return registrations.get(0);
  }

  @Test
  void isModuleGreetingsOfPluginExample() {
    GreetingsModule module = new GreetingsModule();
    assertEquals("example", module.pluginId());
    assertEquals("greetings", module.moduleId());

    Registration registration = register();
    assertEquals(Registration.MODULE, registration.type());
    assertEquals("example", registration.pluginId());
    assertEquals("greetings", registration.moduleId());
  }

  @Test
  void providesNoExtensionPointAndConsumesExamplesAndTags() {
    Registration registration = register();
    assertTrue(registration.extensionPoints().isEmpty());
    assertEquals(
        List.of(CoreServices.LOGGER, ExampleExtensionPoints.EXAMPLES, ExampleExtensionPoints.TAGS),
        registration.init().deps().asList());
  }

  @Test
  void initAddsHelloAndHolaAndTwoTags() throws Exception {
    Registration registration = register();
    List<Example> examples = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    RecordingLogger logger = new RecordingLogger();

    registration
        .init()
        .init()
        .init(
            new MapResolvedDeps(registration.init().deps())
                .with(CoreServices.LOGGER, logger)
                .with(ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) examples::add)
                .with(ExampleExtensionPoints.TAGS, (ExampleTagsExtensionPoint) tags::add));

    assertEquals(
        List.of(new Example("hello", "greetings"), new Example("hola", "greetings")), examples);
    assertEquals(List.of("greeting", "demo"), tags);
    assertEquals(List.of("greetings module contributed 2 examples and 2 tags"), logger.infos());
  }
}
