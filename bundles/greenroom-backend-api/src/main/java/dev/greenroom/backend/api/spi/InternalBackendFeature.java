package dev.greenroom.backend.api.spi;

import dev.greenroom.backend.api.BackendFeature;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the runtime reads of every {@link BackendFeature}: its tag, format version and kind. The
 * author API's features ({@code BackendPlugin}, {@code BackendModule}, {@code ServiceFactory},
 * {@code BackendFeatureLoader}) implement it; authors never do. Backstage keeps the same fields
 * off its public type too: {@code InternalBackendFeature} in
 * <a href="https://github.com/backstage/backstage/blob/master/packages/backend-plugin-api/src/wiring/types.ts">backend-plugin-api/src/wiring/types.ts</a>.
 */
@ProviderType
public interface InternalBackendFeature extends BackendFeature {
  /** The tag every feature carries ({@code $$type} upstream). */
  String TYPE = "@backstage/BackendFeature";

  /** The feature format this API version produces. */
  String VERSION = "v1";

  /** The feature tag; {@link #TYPE} for every valid feature. */
  default String type() {
    return TYPE;
  }

  /** The feature format; {@link #VERSION} for every valid feature. */
  default String version() {
    return VERSION;
  }

  /** Which of the three kinds this feature is; never null for a valid feature. */
  FeatureType featureType();
}
