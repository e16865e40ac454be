package dev.greenroom.example.backend.module.tags;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.database.migrations.Migrations;
import dev.greenroom.events.EventsServiceRefs;
import dev.greenroom.events.EventsServiceSubscribeOptions;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;

/**
 * Module {@code tags} of the {@code example} plugin. It PROVIDES the second-level extension point
 * {@code example.tags} to the plugin's other modules, and CONSUMES the plugin's {@code examples}:
 * its init adds one example, {@code "tagged: " + tags joined with ", "}.
 *
 * <p>Ordering: by Backstage's rule a module that provides an extension point runs only after every
 * module that consumes it has finished, so this init runs after {@code greetings} and sees all its
 * tags; and like every module it runs before the plugin's init, so the plugin sees this example.
 * The runtime order is greetings, then tags, then the example plugin.
 *
 * <p>It keeps the tags it saw in its own table {@code example_tags__tags} of the plugin's database,
 * created by its own migration history ({@code example_tags__flyway_schema_history}).
 *
 * <p>It subscribes to the plugin's {@code example.created} events ({@code events.service}, subscriber
 * id {@code tags}, so {@code example.tags} on the bus) and logs each new example's name.
 */
@GreenroomModule(pluginId = "example", moduleId = "tags")
@Component(service = BackendFeature.class)
public class TagsModule extends BackendModule {
  /** The example plugin's topic of a new example. */
  static final String CREATED_TOPIC = "example.created";

  @Override
  protected void register(RegistrationPoints env) {
    // Created inside register: register may run several times, each run collects on its own.
    TagsCollector tags = new TagsCollector();
    env.registerExtensionPoint(ExampleExtensionPoints.TAGS, tags);

    env.registerInit(
        CoreServices.LOGGER,
        ExampleExtensionPoints.EXAMPLES,
        CoreServices.DATABASE,
        EventsServiceRefs.EVENTS,
        (logger, examples, database, events) -> {
          // Every consumer of example.tags has finished by now (see the class comment).
          List<String> collected = tags.snapshot();
          Migrations.run(database, TagsModule.class.getClassLoader(), TagStore.MIGRATIONS, TagStore.PREFIX);
          new TagStore(database.getClient()).record(collected);
          examples.addExample(new Example("tagged: " + String.join(", ", collected), moduleId()));
          logger.info("tags module contributed 1 example from " + collected.size() + " tags");
          events.subscribe(new EventsServiceSubscribeOptions("tags", List.of(CREATED_TOPIC),
              event -> logger.info("tags module saw a new example: "
                  + (event.eventPayload() instanceof java.util.Map<?, ?> m ? m.get("name") : event.eventPayload()))));
        });
  }

  /**
   * This module's implementation of {@code example.tags}: one per register pass. A named class
   * rather than a lambda so that bnd sees this bundle implement the {@code @ProviderType} interface
   * and imports {@code dev.greenroom.example.node} with the provider range {@code [0.1,0.2)}.
   */
  private static final class TagsCollector implements ExampleTagsExtensionPoint {
    // Consumers with no ordering between them may run concurrently: a thread-safe list.
    private final List<String> tags = new CopyOnWriteArrayList<>();

    @Override
    public void addTag(String tag) {
      tags.add(Objects.requireNonNull(tag, "tag"));
    }

    List<String> snapshot() {
      return List.copyOf(tags);
    }
  }
}
