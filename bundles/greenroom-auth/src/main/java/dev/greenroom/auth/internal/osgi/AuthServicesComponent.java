package dev.greenroom.auth.internal.osgi;

import dev.greenroom.auth.AuthServiceFactories;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.ServiceFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers core.auth, core.httpAuth and core.userInfo as {@link BackendFeature} services, ranked
 * above the runtime's built-in defaults. One component for the three: they share nothing at the
 * OSGi level, but they come and go together.
 */
@Component(immediate = true, service = {})
public final class AuthServicesComponent {
  static final int RANKING = 100;

  private final List<ServiceRegistration<BackendFeature>> registrations = new ArrayList<>();

  @Activate
  void activate(BundleContext context) {
    // as Backstage's: core.auth depends on core.database, for the 'database' plugin key store
    for (ServiceFactory<?> factory : AuthServiceFactories.all(Clock.systemUTC(), true)) {
      Hashtable<String, Object> props = new Hashtable<>();
      props.put(Constants.SERVICE_RANKING, RANKING);
      props.put("greenroom.service.id", factory.service().id());
      registrations.add(context.registerService(BackendFeature.class, factory, props));
    }
  }

  @Deactivate
  void deactivate() {
    for (ServiceRegistration<BackendFeature> registration : registrations) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the framework unregisters a stopping bundle's services itself
      }
    }
    registrations.clear();
  }
}
