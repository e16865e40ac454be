package dev.greenroom.urlreader.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.annotations.GreenroomServices;
import dev.greenroom.urlreader.internal.UrlReaderServiceFactory;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Registers the {@code core.urlReader} factory as a {@link BackendFeature} service. */
@GreenroomServices({"core.urlReader"})
@Component(immediate = true)
public final class UrlReaderComponent {
  private ServiceRegistration<BackendFeature> registration;

  @Activate
  void activate(BundleContext context) {
    Dictionary<String, Object> props = new Hashtable<>();
    props.put(Constants.SERVICE_RANKING, 100);
    registration = context.registerService(BackendFeature.class, UrlReaderServiceFactory.create(), props);
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
