package dev.greenroom.example.backend;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.database.migrations.Migrations;
import dev.greenroom.events.EventsServiceRefs;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code example} plugin (Backstage's {@code examplePlugin}), registered as a {@link
 * BackendFeature} service by DS. {@link GreenroomPlugin} puts {@code Provide-Capability:
 * greenroom.feature;greenroom.plugin.id=example} in the manifest.
 *
 * <p>Ordering: this plugin's init runs after ALL its modules. With the reference modules that is
 * {@code greetings} (consumes {@code example.tags}) then {@code tags} (provides {@code
 * example.tags}, so it runs after every consumer of it) then this plugin, which therefore sees all
 * three examples: {@code Examples: [hello (greetings), hola (greetings), tagged: greeting, demo
 * (tags)]}.
 *
 * <p>It keeps the examples in its own database ({@code examples} table, Flyway migration {@code
 * db/migration/example}) and serves {@code GET /api/example/health} without credentials, and
 * {@code GET /api/example/examples} (every stored example) and {@code POST /api/example/examples}
 * behind the default auth policy ({@link ExampleRoutes}). It shows each core service a Backstage
 * plugin reaches for: its permissions ({@link ExamplePermissions}), an audit event per write, a
 * scheduled task ({@link ExampleTasks}), an action ({@link ExampleActions}), an event on topic
 * {@code example.created} per new example ({@code events.service}; module {@code tags} subscribes).
 */
@GreenroomPlugin(id = "example")
@Component(service = BackendFeature.class)
public class ExamplePlugin extends BackendPlugin {
  @Override
  protected void register(RegistrationPoints env) {
    // Created inside register: register may run several times (on every (re)start of the plugin)
    // and each run collects into its own list.
    ExamplesCollector examples = new ExamplesCollector();
    env.registerExtensionPoint(ExampleExtensionPoints.EXAMPLES, examples);

    // more than six dependencies: the Deps form (docs/plugin-api.md)
    env.registerInit(
        Deps.of(CoreServices.LOGGER, CoreServices.LIFECYCLE, CoreServices.ROOT_CONFIG, CoreServices.DATABASE,
            CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH, CoreServices.PERMISSIONS,
            CoreServices.PERMISSIONS_REGISTRY, CoreServices.AUDITOR, CoreServices.SCHEDULER,
            CoreServices.ACTIONS_REGISTRY, EventsServiceRefs.EVENTS),
        deps -> {
          LoggerService logger = deps.get(CoreServices.LOGGER);
          // Safe to read here: every module of this plugin has finished before this init runs.
          logger.info("Hello from example plugin");
          logger.info("Examples: " + examples.snapshot());

          DatabaseService database = deps.get(CoreServices.DATABASE);
          Migrations.run(database, ExamplePlugin.class.getClassLoader(), ExampleStore.MIGRATIONS, null);
          ExampleStore store = new ExampleStore(database.getClient());
          store.record(examples.snapshot());

          deps.get(CoreServices.PERMISSIONS_REGISTRY).addPermissions(ExamplePermissions.ALL);
          ExampleActions.register(deps.get(CoreServices.ACTIONS_REGISTRY), store);
          ExampleTasks.schedule(deps.get(CoreServices.SCHEDULER), deps.get(CoreServices.ROOT_CONFIG), store, logger);

          HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
          router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/health"));
          router.use(new ExampleRoutes(store, deps.get(CoreServices.HTTP_AUTH), deps.get(CoreServices.PERMISSIONS),
              deps.get(CoreServices.AUDITOR), deps.get(EventsServiceRefs.EVENTS)).build());
          deps.get(CoreServices.LIFECYCLE).addShutdownHook(() -> logger.info("example plugin shutting down"));
        });
  }

  /**
   * The plugin's implementation of {@code examples}: one per register pass. A named class rather
   * than a lambda so that bnd sees this bundle implement the {@code @ProviderType} interface and
   * imports {@code dev.greenroom.example.node} with the provider range {@code [0.1,0.2)}.
   */
  private static final class ExamplesCollector implements ExamplesExtensionPoint {
    // Modules with no ordering between them may run concurrently: a thread-safe list.
    private final List<Example> examples = new CopyOnWriteArrayList<>();

    @Override
    public void addExample(Example example) {
      examples.add(Objects.requireNonNull(example, "example"));
    }

    List<Example> snapshot() {
      return List.copyOf(examples);
    }
  }
}
