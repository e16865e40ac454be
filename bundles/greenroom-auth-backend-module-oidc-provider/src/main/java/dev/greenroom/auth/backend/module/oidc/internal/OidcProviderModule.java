package dev.greenroom.auth.backend.module.oidc.internal;

import dev.greenroom.auth.node.AuthExtensionPoints;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import org.osgi.service.component.annotations.Component;

/**
 * Module {@code oidc-provider} of plugin {@code auth} (upstream:
 * plugins/auth-backend-module-oidc-provider/src/module.ts): registers provider {@code oidc}.
 */
@GreenroomModule(pluginId = "auth", moduleId = "oidc-provider")
@Component(service = BackendFeature.class)
public class OidcProviderModule extends BackendModule {
  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(AuthExtensionPoints.PROVIDERS, providers -> providers.registerProvider("oidc", OidcProvider::new));
  }
}
