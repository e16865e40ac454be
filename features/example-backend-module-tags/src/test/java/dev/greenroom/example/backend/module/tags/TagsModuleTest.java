package dev.greenroom.example.backend.module.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.ExtensionPointProvision;
import dev.greenroom.backend.api.Registration;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsModuleTest {
  private static Registration register() {
    List<Registration> registrations = new TagsModule().getRegistrations();
    assertEquals(1, registrations.size());
    return registrations.get(0);
  }

  private static ExampleTagsExtensionPoint tagsOf(Registration registration) {
    return (ExampleTagsExtensionPoint) registration.extensionPoints().get(0).impl();
  }

  /** Runs the init by hand; returns the examples it added. */
  private static List<Example> runInit(Registration registration, RecordingLogger logger)
      throws Exception {
    List<Example> examples = new ArrayList<>();
    registration
        .init()
        .init()
        .init(
            new MapResolvedDeps(registration.init().deps())
                .with(CoreServices.LOGGER, logger)
                .with(ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) examples::add));
    return examples;
  }

  @Test
  void isModuleTagsOfPluginExample() {
    TagsModule module = new TagsModule();
    assertEquals("example", module.pluginId());
    assertEquals("tags", module.moduleId());

    Registration registration = register();
    assertEquals(Registration.MODULE, registration.type());
    assertEquals("example", registration.pluginId());
    assertEquals("tags", registration.moduleId());
  }

  @Test
  void providesExampleTagsAndConsumesExamples() {
    Registration registration = register();

    assertEquals(1, registration.extensionPoints().size());
    ExtensionPointProvision provision = registration.extensionPoints().get(0);
    assertSame(ExampleExtensionPoints.TAGS, provision.extensionPoint());
    assertInstanceOf(ExampleTagsExtensionPoint.class, provision.impl());
    assertNull(provision.factory());

    assertEquals(
        List.of(CoreServices.LOGGER, ExampleExtensionPoints.EXAMPLES),
        registration.init().deps().asList());
  }

  @Test
  void initAddsOneExampleMadeOfTheCollectedTags() throws Exception {
    Registration registration = register();
    // what greetings contributes at runtime before this module's init
    tagsOf(registration).addTag("greeting");
    tagsOf(registration).addTag("demo");
    RecordingLogger logger = new RecordingLogger();

    List<Example> examples = runInit(registration, logger);

    assertEquals(List.of(new Example("tagged: greeting, demo", "tags")), examples);
    assertEquals("tagged: greeting, demo (tags)", examples.get(0).toString());
    assertEquals(List.of("tags module contributed 1 example from 2 tags"), logger.infos());
  }

  @Test
  void withNoTagsTheExampleHasAnEmptyTagList() throws Exception {
    List<Example> examples = runInit(register(), new RecordingLogger());
    assertEquals(List.of(new Example("tagged: ", "tags")), examples);
  }

  @Test
  void registerIsSideEffectFreeEachPassCollectsIntoItsOwnList() throws Exception {
    Registration first = register();
    Registration second = register();
    assertNotSame(tagsOf(first), tagsOf(second));

    tagsOf(first).addTag("greeting");

    assertEquals("tagged: ", runInit(second, new RecordingLogger()).get(0).name());
    assertEquals("tagged: greeting", runInit(first, new RecordingLogger()).get(0).name());
  }

  @Test
  void theExtensionPointRejectsNull() {
    assertThrows(NullPointerException.class, () -> tagsOf(register()).addTag(null));
  }
}
