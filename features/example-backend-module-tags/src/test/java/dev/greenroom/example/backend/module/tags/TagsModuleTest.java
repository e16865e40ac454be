package dev.greenroom.example.backend.module.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.spi.ExtensionPointProvision;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.runtime.BackendStartupResult.ModuleStartupResult;
import dev.greenroom.backend.runtime.BackendStartupResult;
import dev.greenroom.backend.runtime.internal.services.MapResolvedDeps;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.database.DatabaseServiceFactories;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import dev.greenroom.backend.api.services.DatabaseService;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TagsModuleTest {
  private static Registration register() {
    List<Registration> registrations = new TagsModule().getRegistrations();
    assertEquals(1, registrations.size());
    return registrations.get(0);
  }

  private static ExampleTagsExtensionPoint tagsOf(Registration registration) {
    return (ExampleTagsExtensionPoint) registration.extensionPoints().get(0).impl();
  }

  /**
   * Runs the init by hand with exactly its declared deps (pinned by a test below), so a read of
   * anything undeclared fails; returns the examples it added.
   */
  private static List<Example> runInit(Registration registration, CapturingLogger logs)
      throws Exception {
    List<Example> examples = new ArrayList<>();
    DataSource h2 = memoryH2(); // one database for the whole init, as core.database gives
    registration
        .init()
        .init()
        .init(
            new MapResolvedDeps(
                Map.of(
                    CoreServices.LOGGER.id(), logs.logger(),
                    ExampleExtensionPoints.EXAMPLES.id(), (ExamplesExtensionPoint) examples::add,
                    CoreServices.DATABASE.id(), (DatabaseService) () -> h2)));
    return examples;
  }

  /** A private in-memory H2 in PostgreSQL mode, as core.database opens them. */
  static DataSource memoryH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:tags-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** Every captured line as {@code "<level>: <message>"}, in order. */
  private static List<String> lines(CapturingLogger logs) {
    return logs.records().stream().map(r -> r.level() + ": " + r.message()).toList();
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
        List.of(CoreServices.LOGGER, ExampleExtensionPoints.EXAMPLES, CoreServices.DATABASE),
        registration.init().deps().asList());
  }

  @Test
  void initAddsOneExampleMadeOfTheCollectedTags() throws Exception {
    Registration registration = register();
    // what greetings contributes at runtime before this module's init
    tagsOf(registration).addTag("greeting");
    tagsOf(registration).addTag("demo");
    CapturingLogger logs = new CapturingLogger();

    List<Example> examples = runInit(registration, logs);

    assertEquals(List.of(new Example("tagged: greeting, demo", "tags")), examples);
    assertEquals("tagged: greeting, demo (tags)", examples.get(0).toString());
    assertEquals(List.of("info: tags module contributed 1 example from 2 tags"), lines(logs));
  }

  @Test
  void withNoTagsTheExampleHasAnEmptyTagList() throws Exception {
    CapturingLogger logs = new CapturingLogger();
    List<Example> examples = runInit(register(), logs);
    assertEquals(List.of(new Example("tagged: ", "tags")), examples);
    assertEquals(List.of("info: tags module contributed 1 example from 0 tags"), lines(logs));
  }

  @Test
  void registerIsSideEffectFreeEachPassCollectsIntoItsOwnList() throws Exception {
    Registration first = register();
    Registration second = register();
    assertNotSame(tagsOf(first), tagsOf(second));

    tagsOf(first).addTag("greeting");

    assertEquals("tagged: ", runInit(second, new CapturingLogger()).get(0).name());
    assertEquals("tagged: greeting", runInit(first, new CapturingLogger()).get(0).name());
  }

  @Test
  void theExtensionPointRejectsNull() {
    assertThrows(NullPointerException.class, () -> tagsOf(register()).addTag(null));
  }

  /**
   * On a real backend, with stand-ins for the {@code example} plugin (provides {@code examples})
   * and for a module consuming {@code example.tags}: this module, the provider, runs after the
   * consumer and so sees its tags.
   */
  @Test
  void onABackendItRunsAfterTheConsumersOfTagsAndSeesTheirTags() {
    List<Example> examples = new CopyOnWriteArrayList<>();
    BackendPlugin examplePlugin =
        BackendPlugin.create(
            "example",
            reg -> {
              reg.registerExtensionPoint(
                  ExampleExtensionPoints.EXAMPLES, (ExamplesExtensionPoint) examples::add);
              reg.registerInit(Deps.none(), deps -> {});
            });
    BackendModule tagsConsumer =
        BackendModule.create(
            "example",
            "tagger",
            reg ->
                reg.registerInit(
                    Deps.of(ExampleExtensionPoints.TAGS),
                    deps -> {
                      deps.get(ExampleExtensionPoints.TAGS).addTag("one");
                      deps.get(ExampleExtensionPoints.TAGS).addTag("two");
                    }));

    // the provider is added first on purpose: the order comes from the extension point
    try (TestBackend backend =
        TestBackend.builder().add(examplePlugin).add(new TagsModule()).add(tagsConsumer)
            .config(Map.of("backend", Map.of("database", Map.of("client", "h2", "connection", ":memory:"))))
            .start()) {
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
      assertEquals(
          List.of("tags", "tagger"),
          result.plugins().get(0).modules().stream().map(ModuleStartupResult::moduleId).toList());
    }
  }
}
