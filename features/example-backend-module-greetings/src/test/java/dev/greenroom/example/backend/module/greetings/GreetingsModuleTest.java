package dev.greenroom.example.backend.module.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The greetings module tested as Backstage tests a module: on a test backend, with the extension
 * points it consumes supplied by the test ({@code startTestBackend({ extensionPoints })}).
 */
@Timeout(60)
class GreetingsModuleTest {
  @Test
  void isModuleGreetingsOfPluginExample() {
    GreetingsModule module = new GreetingsModule();
    assertEquals("example", module.pluginId());
    assertEquals("greetings", module.moduleId());
  }

  @Test
  void addsHelloAndHolaAndTwoTagsThroughTheSuppliedExtensionPoints() {
    List<Example> examples = new CopyOnWriteArrayList<>();
    List<String> tags = new CopyOnWriteArrayList<>();
    try (TestBackend backend = TestBackend.builder()
        .add(new GreetingsModule())
        .extensionPoint(ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) examples::add)
        .extensionPoint(ExampleExtensionPoints.TAGS, (ExampleTagsExtensionPoint) tags::add)
        .start()) {
      assertEquals(List.of(new Example("hello", "greetings"), new Example("hola", "greetings")), examples);
      assertEquals(List.of("greeting", "demo"), tags);
      assertEquals(
          List.of("info: greetings module contributed 2 examples and 2 tags"),
          backend.logs().records().stream()
              .filter(r -> "example".equals(r.plugin()))
              .map(r -> r.level() + ": " + r.message())
              .toList());
    }
  }

  /**
   * With stand-ins for the {@code example} plugin (provides {@code examples}) and for the {@code
   * tags} module (provides {@code example.tags}): the consumer runs first.
   */
  @Test
  void onABackendItRunsBeforeTheModuleProvidingTags() {
    List<Example> examples = new CopyOnWriteArrayList<>();
    List<String> tags = new CopyOnWriteArrayList<>();
    List<String> tagsSeenByProvider = new CopyOnWriteArrayList<>();
    BackendPlugin examplePlugin = BackendPlugin.create("example", env -> {
      env.registerExtensionPoint(ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) examples::add);
      env.registerInit(() -> {});
    });
    BackendModule tagsProvider = BackendModule.create("example", "tags-stand-in", env -> {
      env.registerExtensionPoint(ExampleExtensionPoints.TAGS, (ExampleTagsExtensionPoint) tags::add);
      env.registerInit(() -> tagsSeenByProvider.addAll(tags));
    });

    try (TestBackend backend =
        TestBackend.builder().add(examplePlugin).add(tagsProvider).add(new GreetingsModule()).start()) {
      assertEquals(List.of("greeting", "demo"), tagsSeenByProvider, "the provider's init ran after greetings");
      BackendStartupResult result = backend.startupResult();
      assertEquals(BackendStartupResult.Outcome.SUCCESS, result.outcome());
      // results are listed in registration order (docs/runtime.md, "Startup results")
      assertEquals(
          List.of("tags-stand-in", "greetings"),
          result.plugins().get(0).modules().stream().map(ModuleStartupResult::moduleId).toList());
    }
  }
}
