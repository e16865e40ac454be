package dev.greenroom.frontend.runtime.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.api.services.LifecycleService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.frontend.runtime.internal.LiveFrontendApp;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The backend plugin {@code app} (Backstage's {@code @backstage/plugin-app-backend}): serves the
 * frontend app below {@code /api/app} - and, with the root router's {@code indexPath}, on every
 * non-{@code /api} path - and keeps the app's {@code app.extensions} in step with the root config.
 */
@GreenroomPlugin(id = AppBackendPlugin.PLUGIN_ID)
@Component(service = BackendFeature.class)
public class AppBackendPlugin extends BackendPlugin {
  static final String PLUGIN_ID = "app";
  static final String APP_EXTENSIONS = "app.extensions";

  @Reference private FrontendWhiteboard whiteboard;

  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(
        Deps.of(
            CoreServices.HTTP_ROUTER,
            CoreServices.ROOT_CONFIG,
            CoreServices.AUTH,
            CoreServices.HTTP_AUTH,
            CoreServices.DISCOVERY,
            CoreServices.LIFECYCLE),
        deps -> {
          LiveFrontendApp live = whiteboard.live();
          RootConfigService config = deps.get(CoreServices.ROOT_CONFIG);
          Runnable readConfig = () -> live.appExtensions(config.getOptional(APP_EXTENSIONS).orElse(null));
          readConfig.run();
          AutoCloseable subscription = config.subscribe(readConfig);
          LifecycleService lifecycle = deps.get(CoreServices.LIFECYCLE);
          lifecycle.addShutdownHook(subscription::close);

          HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
          // The app is the public face of the backend: no credentials needed to load a page. Views
          // read from other plugins on behalf of the signed-in visitor (UserFetch, the user cookie);
          // a page that needs data shows an anonymous visitor the sign-in page instead.
          router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/"));
          AppSession session = new AppSession(
              deps.get(CoreServices.AUTH), deps.get(CoreServices.HTTP_AUTH), deps.get(CoreServices.DISCOVERY), () -> config);
          router.use(new AppServlet(live::current, session));
        });
  }
}
