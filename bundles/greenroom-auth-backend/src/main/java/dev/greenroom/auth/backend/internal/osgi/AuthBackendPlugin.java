package dev.greenroom.auth.backend.internal.osgi;

import dev.greenroom.auth.backend.internal.AuthBackend;
import dev.greenroom.auth.backend.internal.ProviderRegistry;
import dev.greenroom.auth.node.AuthExtensionPoints;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import java.time.Clock;
import org.osgi.service.component.annotations.Component;

/**
 * Plugin {@code auth} (Backstage's {@code @backstage/plugin-auth-backend}): offers {@code
 * auth.providers} to its modules, issues user tokens and serves the providers (docs/auth.md).
 */
@GreenroomPlugin(id = "auth")
@Component(service = BackendFeature.class)
public class AuthBackendPlugin extends BackendPlugin {
  @Override
  protected void register(RegistrationPoints env) {
    ProviderRegistry providers = new ProviderRegistry();
    env.registerExtensionPoint(AuthExtensionPoints.PROVIDERS, providers);
    env.registerInit(
        Deps.of(CoreServices.LOGGER, CoreServices.ROOT_CONFIG, CoreServices.HTTP_ROUTER, CoreServices.DISCOVERY,
            CoreServices.AUTH, CoreServices.HTTP_AUTH),
        deps -> AuthBackend.start(
            providers.snapshot(),
            deps.get(CoreServices.ROOT_CONFIG),
            deps.get(CoreServices.LOGGER),
            deps.get(CoreServices.HTTP_ROUTER),
            deps.get(CoreServices.DISCOVERY),
            deps.get(CoreServices.AUTH),
            deps.get(CoreServices.HTTP_AUTH),
            Clock.systemUTC()));
  }
}
