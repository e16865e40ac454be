package dev.greenroom.example.backend;

import static dev.greenroom.example.backend.ExamplePluginTest.pluginLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.PluginStartupResult;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.backend.module.greetings.GreetingsModule;
import dev.greenroom.example.backend.module.tags.TagsModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code example} plugin with its real modules on a {@link TestBackend}: the runtime, not the
 * test, decides the order (greetings consumes {@code example.tags}, so it runs before tags, which
 * provides it; both run before the plugin's init).
 */
@Timeout(60)
class ExampleBackendTest {
  private static final String HELLO_LINE = "info: Hello from example plugin";

  @Test
  void pluginWithBothModulesLogsGreetingsThenTagsThenTheExamples() {
    // added in the "wrong" order on purpose: the order comes from the extension points
    try (TestBackend backend =
        TestBackend.builder()
            .add(new ExamplePlugin())
            .add(new TagsModule())
            .add(new GreetingsModule())
            .start()) {
      List<String> started =
          List.of(
              "info: greetings module contributed 2 examples and 2 tags",
              "info: tags module contributed 1 example from 2 tags",
              HELLO_LINE,
              "info: Examples: [hello (greetings), hola (greetings), tagged: greeting, demo (tags)]");
      assertEquals(started, pluginLines(backend));

      BackendStartupResult result = backend.startupResult();
      assertEquals(BackendStartupResult.Outcome.SUCCESS, result.outcome());
      assertEquals("success", result.outcome().toString());
      assertEquals(List.of("example"), pluginIds(result));
      PluginStartupResult example = result.plugins().get(0);
      assertNull(example.failure());
      // greetings ran first (the log lines above); the result lists modules in registration order
      assertEquals(List.of("tags", "greetings"), moduleIds(example));
      example.modules().forEach(m -> assertNull(m.failure(), m.moduleId()));

      backend.stop();

      List<String> stopped = new ArrayList<>(started);
      stopped.add("info: example plugin shutting down");
      assertEquals(stopped, pluginLines(backend));
    }
  }

  @Test
  void withoutGreetingsTheTagsModuleContributesAnExampleWithNoTags() {
    try (TestBackend backend = TestBackend.start(new ExamplePlugin(), new TagsModule())) {
      assertEquals(
          List.of(
              "info: tags module contributed 1 example from 0 tags",
              HELLO_LINE,
              // "tagged: " + no tags, then " (tags)": two spaces
              "info: Examples: [tagged:  (tags)]"),
          pluginLines(backend));

      BackendStartupResult result = backend.startupResult();
      assertEquals(BackendStartupResult.Outcome.SUCCESS, result.outcome());
      assertEquals(List.of("example"), pluginIds(result));
      assertEquals(List.of("tags"), moduleIds(result.plugins().get(0)));
    }
  }

  private static List<String> pluginIds(BackendStartupResult result) {
    return result.plugins().stream().map(PluginStartupResult::pluginId).toList();
  }

  private static List<String> moduleIds(PluginStartupResult plugin) {
    return plugin.modules().stream().map(ModuleStartupResult::moduleId).toList();
  }
}
