package dev.greenroom.example.frontend;

import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers the frontend plugin and its modules as whiteboard services: {@link FrontendPlugin} and
 * {@link FrontendModule} are final value classes, so they are registered through the bundle
 * context rather than being DS component instances themselves.
 */
@Component(immediate = true, service = {})
public class ExampleFrontendComponent {
  private List<ServiceRegistration<?>> registrations = List.of();

  @Activate
  void activate(BundleContext context) {
    registrations =
        List.of(
            context.registerService(FrontendPlugin.class, ExampleFrontend.plugin(), null),
            context.registerService(FrontendModule.class, ExampleFrontend.navModule(), null),
            context.registerService(FrontendModule.class, ExampleFrontend.homeModule(), null));
  }

  @Deactivate
  void deactivate() {
    for (ServiceRegistration<?> r : registrations) {
      try {
        r.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the framework unregisters a stopping bundle's services itself
      }
    }
    registrations = List.of();
  }
}
