package dev.greenroom.example.backend.module.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tags module on a test backend: the examples extension point supplied by the test, the
 * database the test kit's H2 in the runtime's own mode.
 */
@Timeout(60)
class TagsModuleTest {
  /** A module consuming {@code example.tags}, as greetings does. */
  static BackendModule tagger(String... tags) {
    return BackendModule.create("example", "tagger", env -> env.registerInit(ExampleExtensionPoints.TAGS, t -> {
      for (String tag : tags) {
        t.addTag(tag);
      }
    }));
  }

  static TestBackend start(List<Example> examples, BackendModule... more) {
    TestBackend.Builder b = TestBackend.builder()
        .add(new TagsModule())
        .extensionPoint(ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) examples::add);
    for (BackendModule m : more) {
      b.add(m);
    }
    return b.start();
  }

  @Test
  void isModuleTagsOfPluginExample() {
    TagsModule module = new TagsModule();
    assertEquals("example", module.pluginId());
    assertEquals("tags", module.moduleId());
  }

  @Test
  void runsAfterTheConsumersOfTagsAndAddsOneExampleOfTheirTags() {
    List<Example> examples = new CopyOnWriteArrayList<>();
    try (TestBackend backend = start(examples, tagger("one", "two"))) {
      assertEquals(List.of(new Example("tagged: one, two", "tags")), examples);
      assertEquals(
          List.of("info: tags module contributed 1 example from 2 tags"),
          backend.logs().records().stream()
              .filter(r -> "example".equals(r.plugin()))
              .map(r -> r.level() + ": " + r.message())
              .toList());
      BackendStartupResult result = backend.startupResult();
      assertEquals(BackendStartupResult.Outcome.SUCCESS, result.outcome());
      // tagger ran first (it consumes the tags extension point); results are in registration order
      // (the test kit's own module, which supplies the extension points, is left out)
      assertEquals(List.of("tags", "tagger"),
          result.plugins().get(0).modules().stream().map(ModuleStartupResult::moduleId)
              .filter(id -> !id.equals("test-extension-point-registration")).toList());
    }
  }

  @Test
  void withNoTagsTheExampleHasAnEmptyTagList() {
    List<Example> examples = new CopyOnWriteArrayList<>();
    try (TestBackend backend = start(examples)) {
      assertEquals(List.of(new Example("tagged: ", "tags")), examples);
    }
  }

  @Test
  void keepsTheTagsInItsOwnPrefixedTable() throws Exception {
    List<Example> examples = new CopyOnWriteArrayList<>();
    try (TestBackend backend = start(examples, tagger("greeting", "demo"))) {
      DatabaseService database = backend.service(CoreServices.DATABASE, "example");
      List<String> stored = new ArrayList<>();
      try (Connection c = database.getClient().getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT tag FROM " + TagStore.TABLE + " ORDER BY tag")) {
        while (rs.next()) {
          stored.add(rs.getString(1));
        }
      }
      assertEquals(List.of("demo", "greeting"), stored);
    }
  }

  @Test
  void registerIsSideEffectFreeEachStartCollectsAfresh() {
    TagsModule module = new TagsModule();
    List<Example> first = new CopyOnWriteArrayList<>();
    try (TestBackend backend = TestBackend.builder().add(module).add(tagger("a"))
        .extensionPoint(ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) first::add).start()) {
      assertEquals("tagged: a", first.get(0).name());
    }
    List<Example> second = new CopyOnWriteArrayList<>();
    try (TestBackend backend = TestBackend.builder().add(module)
        .extensionPoint(ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) second::add).start()) {
      assertEquals("tagged: ", second.get(0).name(), "the same module object starts with no tags from before");
    }
  }
}
