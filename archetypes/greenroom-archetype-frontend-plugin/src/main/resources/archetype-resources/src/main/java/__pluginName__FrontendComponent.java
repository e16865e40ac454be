package ${package};

import dev.greenroom.frontend.api.FrontendPlugin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers {@link ${pluginName}Frontend#plugin()} as a whiteboard service: the web app (plugin {@code
 * app}) picks it up on the next request, and drops it when this bundle stops. {@link FrontendPlugin}
 * is a final value class, so it is registered through the bundle context rather than being the
 * component itself.
 */
@Component(immediate = true, service = {})
public class ${pluginName}FrontendComponent {
  private ServiceRegistration<FrontendPlugin> registration;

  @Activate
  void activate(BundleContext context) {
    registration = context.registerService(FrontendPlugin.class, ${pluginName}Frontend.plugin(), null);
  }

  @Deactivate
  void deactivate() {
    try {
      registration.unregister();
    } catch (IllegalStateException alreadyGone) {
      // the framework unregisters a stopping bundle's services itself
    }
  }
}
