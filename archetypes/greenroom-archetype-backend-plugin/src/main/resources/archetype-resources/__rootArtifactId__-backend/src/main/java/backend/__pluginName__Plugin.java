package ${package}.backend;

import ${package}.node.${pluginName}ExtensionPoints;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.database.migrations.Migrations;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code ${pluginId}} backend plugin (Backstage's {@code createBackendPlugin({pluginId: '${pluginId}'})}),
 * registered as a {@link BackendFeature} service by Declarative Services. {@link GreenroomPlugin}
 * gives both the plugin id and the manifest capability the Greenroom runtime looks for.
 *
 * <p>It offers the {@code ${pluginId}.validators} extension point to its modules, keeps items in its
 * own database (Flyway scripts under {@value #MIGRATIONS}) and serves {@code /api/${pluginId}}: see
 * {@link ${pluginName}Router}.
 */
@GreenroomPlugin(id = "${pluginId}")
@Component(service = BackendFeature.class)
public class ${pluginName}Plugin extends BackendPlugin {
  /** The resource folder of this plugin's migrations (src/main/resources/db/migration/${pluginId}). */
  static final String MIGRATIONS = "db/migration/${pluginId}";
  /** The config key read at init, e.g. in app-config.yaml. */
  static final String GREETING_KEY = "${pluginId}.greeting";

  @Override
  protected void register(RegistrationPoints env) {
    // register may run several times (each start of the plugin): everything it creates is per pass
    ${pluginName}Validators validators = new ${pluginName}Validators();
    env.registerExtensionPoint(${pluginName}ExtensionPoints.VALIDATORS, validators);

    env.registerInit(
        CoreServices.LOGGER,
        CoreServices.ROOT_CONFIG,
        CoreServices.DATABASE,
        CoreServices.HTTP_ROUTER,
        CoreServices.HTTP_AUTH,
        (logger, config, database, router, httpAuth) -> {
          // every module of this plugin has run its init by now: all validators are there
          logger.info(config.getOptionalString(GREETING_KEY).orElse("Hello from the ${pluginId} plugin")
              + " (" + validators.size() + " validator(s))");

          Migrations.run(database, ${pluginName}Plugin.class.getClassLoader(), MIGRATIONS, null);
          ${pluginName}Store store = new ${pluginName}Store(database.getClient());

          // deny by default: every other route needs user or service credentials
          router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/health"));
          router.use(${pluginName}Router.create(store, validators, httpAuth));
        });
  }
}
