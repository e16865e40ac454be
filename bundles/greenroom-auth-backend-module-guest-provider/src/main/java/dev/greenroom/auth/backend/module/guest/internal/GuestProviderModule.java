package dev.greenroom.auth.backend.module.guest.internal;

import dev.greenroom.auth.node.AuthExtensionPoints;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.api.annotations.GreenroomModule;
import org.osgi.service.component.annotations.Component;

/**
 * Module {@code guest-provider} of plugin {@code auth} (upstream:
 * plugins/auth-backend-module-guest-provider/src/module.ts): registers provider {@code guest}.
 */
@GreenroomModule(pluginId = "auth", moduleId = "guest-provider")
@Component(service = BackendFeature.class)
public class GuestProviderModule extends BackendModule {
  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(AuthExtensionPoints.PROVIDERS, providers -> providers.registerProvider("guest", GuestProvider::new));
  }
}
