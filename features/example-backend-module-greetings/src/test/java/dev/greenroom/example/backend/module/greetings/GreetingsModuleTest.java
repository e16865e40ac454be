package dev.greenroom.example.backend.module.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.services.MapResolvedDeps;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
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
    CapturingLogger logs = new CapturingLogger();

    // exactly the declared deps (pinned above): reading anything else fails
    registration
        .init()
        .init()
        .init(
            new MapResolvedDeps(
                Map.of(
                    CoreServices.LOGGER.id(), logs.logger(),
                    ExampleExtensionPoints.EXAMPLES.id(), (ExamplesExtensionPoint) examples::add,
                    ExampleExtensionPoints.TAGS.id(), (ExampleTagsExtensionPoint) tags::add)));

    assertEquals(
        List.of(new Example("hello", "greetings"), new Example("hola", "greetings")), examples);
    assertEquals(List.of("greeting", "demo"), tags);
    assertEquals(List.of("greetings module contributed 2 examples and 2 tags"), logs.messages());
    assertEquals("info", logs.records().get(0).level());
  }

  /**
   * On a real backend, with stand-ins for the {@code example} plugin (provides {@code examples})
   * and for the {@code tags} module (provides {@code example.tags}): the consumer runs first.
   */
  @Test
  void onABackendItRunsBeforeTheModuleProvidingTagsAndLogsAsPluginExample() {
    List<Example> examples = new CopyOnWriteArrayList<>();
    List<String> tags = new CopyOnWriteArrayList<>();
    BackendPlugin examplePlugin =
        BackendPlugin.create(
            "example",
            reg -> {
              reg.registerExtensionPoint(
                  ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) examples::add);
              reg.registerInit(Deps.none(), deps -> {});
            });
    BackendModule tagsProvider =
        BackendModule.create(
            "example",
            "tags-stand-in",
            reg -> {
              reg.registerExtensionPoint(
                  ExampleExtensionPoints.TAGS, (ExampleTagsExtensionPoint) tags::add);
              reg.registerInit(Deps.none(), deps -> {});
            });

    try (TestBackend backend =
        TestBackend.builder().add(examplePlugin).add(tagsProvider).add(new GreetingsModule()).start()) {
      assertEquals(
          List.of(new Example("hello", "greetings"), new Example("hola", "greetings")), examples);
      assertEquals(List.of("greeting", "demo"), tags);

      assertEquals(
          List.of("greetings module contributed 2 examples and 2 tags"),
          backend.logs().records().stream()
              .filter(r -> "example".equals(r.plugin()))
              .map(r -> r.message())
              .toList());

      BackendStartupResult result = backend.startupResult();
      assertEquals(BackendStartupResult.Outcome.SUCCESS, result.outcome());
      // greetings ran first (it consumes the tags extension point), but results are listed in
      // registration order (docs/runtime.md, "Startup results")
      assertEquals(
          List.of("tags-stand-in", "greetings"),
          result.plugins().get(0).modules().stream().map(ModuleStartupResult::moduleId).toList());
    }
  }
}
