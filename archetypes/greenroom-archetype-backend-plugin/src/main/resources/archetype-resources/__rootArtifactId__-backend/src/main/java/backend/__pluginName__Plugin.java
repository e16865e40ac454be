package ${package}.backend;

import ${package}.node.${pluginName}ExtensionPoints;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.FeatureNamespace;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.database.migrations.Migrations;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code ${pluginId}} backend plugin (Backstage's {@code createBackendPlugin({pluginId: '${pluginId}'})}),
 * registered as a {@link BackendFeature} service by Declarative Services. {@link GreenroomPlugin}
 * adds the manifest capability the Greenroom runtime looks for.
 *
 * <p>It offers the {@code ${pluginId}.validators} extension point to its modules, keeps items in its
 * own database (Flyway scripts under {@value #MIGRATIONS}) and serves {@code /api/${pluginId}}: see
 * {@link ${pluginName}Router}.
 */
@GreenroomPlugin(id = ${pluginName}Plugin.PLUGIN_ID)
@Component(service = BackendFeature.class, property = FeatureNamespace.PLUGIN_ID + "=" + ${pluginName}Plugin.PLUGIN_ID)
public class ${pluginName}Plugin extends BackendPlugin {
  static final String PLUGIN_ID = "${pluginId}";
  /** The resource folder of this plugin's migrations (src/main/resources/db/migration/${pluginId}). */
  static final String MIGRATIONS = "db/migration/${pluginId}";
  /** The config key read at init, e.g. in app-config.yaml. */
  static final String GREETING_KEY = "${pluginId}.greeting";

  public ${pluginName}Plugin() {
    super(PLUGIN_ID);
  }

  @Override
  protected void register(RegistrationPoints env) {
    // register may run several times (each start of the plugin): everything it creates is per pass
    ${pluginName}Validators validators = new ${pluginName}Validators();
    env.registerExtensionPoint(${pluginName}ExtensionPoints.VALIDATORS, validators);
    env.registerInit(
        Deps.of(CoreServices.LOGGER, CoreServices.ROOT_CONFIG, CoreServices.DATABASE, CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH),
        deps -> init(
            deps.get(CoreServices.LOGGER),
            deps.get(CoreServices.ROOT_CONFIG),
            deps.get(CoreServices.DATABASE),
            deps.get(CoreServices.HTTP_ROUTER),
            deps.get(CoreServices.HTTP_AUTH),
            validators));
  }

  /** Runs after every module of this plugin has run its own init (so all validators are there). */
  private static void init(
      LoggerService logger,
      Config config,
      DatabaseService database,
      HttpRouterService router,
      HttpAuthService httpAuth,
      ${pluginName}Validators validators) {
    logger.info(config.getOptionalString(GREETING_KEY).orElse("Hello from the ${pluginId} plugin")
        + " (" + validators.size() + " validator(s))");

    Migrations.run(database, ${pluginName}Plugin.class.getClassLoader(), MIGRATIONS, null);
    ${pluginName}Store store = new ${pluginName}Store(database.getClient());

    // deny by default: every other route needs user or service credentials
    router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/health"));
    router.use(${pluginName}Router.create(store, validators, httpAuth));
  }
}
