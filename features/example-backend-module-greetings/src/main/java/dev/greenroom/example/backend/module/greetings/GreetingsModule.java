package dev.greenroom.example.backend.module.greetings;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import org.osgi.service.component.annotations.Component;

/**
 * Module {@code greetings} of the {@code example} plugin. It only CONSUMES extension points: {@code
 * examples} (the plugin's) and {@code example.tags} (provided by the {@code tags} module).
 *
 * <p>Ordering: because it consumes {@code example.tags}, Backstage's rule (a module that provides
 * an extension point runs after every module that consumes it) makes this module run BEFORE the
 * {@code tags} module, so its tags are in place when {@code tags} reads them. The runtime order is
 * greetings, then tags, then the example plugin.
 */
@GreenroomModule(pluginId = "example", moduleId = "greetings")
@Component(service = BackendFeature.class)
public class GreetingsModule extends BackendModule {
  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(
        CoreServices.LOGGER,
        ExampleExtensionPoints.EXAMPLES,
        ExampleExtensionPoints.TAGS,
        (logger, examples, tags) -> {
          examples.addExample(new Example("hello", moduleId()));
          examples.addExample(new Example("hola", moduleId()));
          tags.addTag("greeting");
          tags.addTag("demo");
          logger.info("greetings module contributed 2 examples and 2 tags");
        });
  }
}
