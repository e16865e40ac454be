package dev.greenroom.example.backend.module.greetings;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.example.node.Example;
import dev.greenroom.example.node.ExampleExtensionPoints;
import dev.greenroom.example.node.ExampleTagsExtensionPoint;
import dev.greenroom.example.node.ExamplesExtensionPoint;
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
@GreenroomModule(pluginId = GreetingsModule.PLUGIN_ID, moduleId = GreetingsModule.MODULE_ID)
@Component(
    service = BackendFeature.class,
    property = {
      FeatureNamespace.PLUGIN_ID + "=" + GreetingsModule.PLUGIN_ID,
      FeatureNamespace.MODULE_ID + "=" + GreetingsModule.MODULE_ID
    })
public class GreetingsModule extends BackendModule {
  static final String PLUGIN_ID = "example";
  static final String MODULE_ID = "greetings";

  public GreetingsModule() {
    super(PLUGIN_ID, MODULE_ID);
  }

  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(
        Deps.of(CoreServices.LOGGER, ExampleExtensionPoints.EXAMPLES, ExampleExtensionPoints.TAGS),
        deps -> {
          ExamplesExtensionPoint examples = deps.get(ExampleExtensionPoints.EXAMPLES);
          examples.addExample(new Example("hello", MODULE_ID));
          examples.addExample(new Example("hola", MODULE_ID));

          ExampleTagsExtensionPoint tags = deps.get(ExampleExtensionPoints.TAGS);
          tags.addTag("greeting");
          tags.addTag("demo");

          deps.get(CoreServices.LOGGER).info("greetings module contributed 2 examples and 2 tags");
        });
  }
}
