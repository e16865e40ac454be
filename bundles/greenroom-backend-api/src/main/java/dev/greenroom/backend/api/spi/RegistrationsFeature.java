package dev.greenroom.backend.api.spi;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A feature made of registrations: a plugin or a module. {@link #getRegistrations()} runs the
 * author's {@code register} callback afresh on every call, so that callback must be side-effect
 * free.
 */
@ProviderType
public interface RegistrationsFeature extends InternalBackendFeature {
  List<Registration> getRegistrations();

  @Override
  default FeatureType featureType() {
    return FeatureType.REGISTRATIONS;
  }
}
