package ${package};

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.backend.api.services.LoggerService;
import org.osgi.service.component.annotations.Component;

/**
 * Module {@code ${moduleId}} of the {@code ${pluginId}} plugin (Backstage's {@code
 * createBackendModule({pluginId: '${pluginId}', moduleId: '${moduleId}'})}), registered as a {@link
 * BackendFeature} service by Declarative Services. {@link GreenroomModule} adds the manifest
 * capability the runtime looks for and a requirement on the plugin, so a launch profile resolved
 * with this bundle includes the plugin.
 *
 * <p>Its init runs before the plugin's own init; it may use the plugin's extension points (from the
 * plugin's node library): {@code env.registerInit(Deps.of(TodoExtensionPoints.VALIDATORS), deps ->
 * deps.get(TodoExtensionPoints.VALIDATORS).addValidator(...))}.
 */
@GreenroomModule(pluginId = ${pluginName}${moduleName}Module.PLUGIN_ID, moduleId = ${pluginName}${moduleName}Module.MODULE_ID)
@Component(
    service = BackendFeature.class,
    property = {
      FeatureNamespace.PLUGIN_ID + "=" + ${pluginName}${moduleName}Module.PLUGIN_ID,
      FeatureNamespace.MODULE_ID + "=" + ${pluginName}${moduleName}Module.MODULE_ID
    })
public class ${pluginName}${moduleName}Module extends BackendModule {
  static final String PLUGIN_ID = "${pluginId}";
  static final String MODULE_ID = "${moduleId}";

  public ${pluginName}${moduleName}Module() {
    super(PLUGIN_ID, MODULE_ID);
  }

  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(Deps.of(CoreServices.LOGGER), deps -> {
      LoggerService logger = deps.get(CoreServices.LOGGER);
      logger.info("Hello from module " + MODULE_ID + " of plugin " + PLUGIN_ID);
    });
  }
}
