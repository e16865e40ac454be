package dev.greenroom.backend.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A feature made of registrations: a plugin or a module. {@link #getRegistrations()} runs the
 * author's {@code register} callback afresh on every call, so that callback must be side-effect
 * free.
 */
@ConsumerType
public interface RegistrationsFeature extends BackendFeature {
  List<Registration> getRegistrations();

  @Override
  default FeatureType featureType() {
    return FeatureType.REGISTRATIONS;
  }
}
