package dev.greenroom.example.backend;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.database.migrations.Migrations;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExamplesExtensionPoint;
import dev.greenroom.http.router.Router;
import java.util.List;
import java.util.Map;
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
 * db/migration/example}) and serves {@code GET /api/example/health} without credentials and
 * {@code GET /api/example/examples} (every stored example) behind the default auth policy.
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

    env.registerInit(
        CoreServices.LOGGER,
        CoreServices.LIFECYCLE,
        CoreServices.DATABASE,
        CoreServices.HTTP_ROUTER,
        (logger, lifecycle, database, router) -> {
          // Safe to read here: every module of this plugin has finished before this init runs.
          logger.info("Hello from example plugin");
          logger.info("Examples: " + examples.snapshot());

          Migrations.run(database, ExamplePlugin.class.getClassLoader(), ExampleStore.MIGRATIONS, null);
          ExampleStore store = new ExampleStore(database.getClient());
          store.record(examples.snapshot());

          router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/health"));
          router.use(Router.create()
              .get("/health", req -> Map.of("status", "ok"))
              .get("/examples", req -> store.list())
              .build());
          lifecycle.addShutdownHook(() -> logger.info("example plugin shutting down"));
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
