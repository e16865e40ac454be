package dev.greenroom.example.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code example} plugin alone and with modules written in the test, on greenroom-backend-test only. */
@Timeout(60)
class ExamplePluginTest {
  /** A module of plugin {@code example} adding {@code names} to its {@code examples} point. */
  static BackendModule contributing(String moduleId, String... names) {
    return BackendModule.create("example", moduleId, env -> env.registerInit(
        Deps.of(ExampleExtensionPoints.EXAMPLES),
        deps -> {
          for (String name : names) {
            deps.get(ExampleExtensionPoints.EXAMPLES).addExample(new Example(name, moduleId));
          }
        }));
  }

  @Test
  void aloneItLogsHelloAndNoExamplesThenSaysGoodbyeOnStop() {
    try (TestBackend backend = TestBackend.start(new ExamplePlugin())) {
      assertEquals(List.of("info: Hello from example plugin", "info: Examples: []"), pluginLines(backend));

      backend.stop();

      assertEquals(
          List.of("info: Hello from example plugin", "info: Examples: []", "info: example plugin shutting down"),
          pluginLines(backend));
    }
  }

  @Test
  void itSeesWhatItsModulesContributedInOrder() {
    try (TestBackend backend =
        TestBackend.start(new ExamplePlugin(), contributing("first", "a", "b"))) {
      assertEquals("info: Examples: [a (first), b (first)]", pluginLines(backend).get(1));
    }
  }

  @Test
  void eachStartCollectsIntoItsOwnList() {
    ExamplePlugin plugin = new ExamplePlugin();
    try (TestBackend first = TestBackend.start(plugin, contributing("first", "a"))) {
      assertEquals("info: Examples: [a (first)]", pluginLines(first).get(1));
    }
    // the same plugin object again: register runs again, the first run's examples are not there
    try (TestBackend second = TestBackend.start(plugin)) {
      assertEquals("info: Examples: []", pluginLines(second).get(1));
    }
  }

  @Test
  void theExtensionPointRejectsNullAndTheModuleFails() {
    BackendModule addsNull = BackendModule.create("example", "bad", env -> env.registerInit(
        Deps.of(ExampleExtensionPoints.EXAMPLES),
        deps -> deps.get(ExampleExtensionPoints.EXAMPLES).addExample(null)));

    RuntimeException e = assertThrows(RuntimeException.class, () -> TestBackend.start(new ExamplePlugin(), addsNull));

    assertTrue(e.getMessage().contains("bad"), e.getMessage());
  }

  /** The lines tagged with plugin {@code example} (its own and its modules'), as {@code "<level>: <message>"}. */
  static List<String> pluginLines(TestBackend backend) {
    return backend.logs().records().stream()
        .filter(r -> "example".equals(r.plugin()))
        .map(r -> r.level() + ": " + r.message())
        .toList();
  }
}
