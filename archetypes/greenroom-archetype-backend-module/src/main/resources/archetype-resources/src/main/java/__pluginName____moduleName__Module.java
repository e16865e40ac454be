package ${package};

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import org.osgi.service.component.annotations.Component;

/**
 * Module {@code ${moduleId}} of the {@code ${pluginId}} plugin (Backstage's {@code
 * createBackendModule({pluginId: '${pluginId}', moduleId: '${moduleId}'})}), registered as a {@link
 * BackendFeature} service by Declarative Services. {@link GreenroomModule} gives both ids, the
 * manifest capability the runtime looks for and a requirement on the plugin, so a launch profile
 * resolved with this bundle includes the plugin.
 *
 * <p>Its init runs before the plugin's own init; it may use the plugin's extension points (from the
 * plugin's node library): {@code env.registerInit(TodoExtensionPoints.VALIDATORS, validators ->
 * validators.addValidator(...))}.
 */
@GreenroomModule(pluginId = "${pluginId}", moduleId = "${moduleId}")
@Component(service = BackendFeature.class)
public class ${pluginName}${moduleName}Module extends BackendModule {
  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(CoreServices.LOGGER, logger ->
        logger.info("Hello from module " + moduleId() + " of plugin " + pluginId()));
  }
}
