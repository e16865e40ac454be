package dev.greenroom.backend.api.spi;

/** The three kinds of {@link dev.greenroom.backend.api.BackendFeature}. */
public enum FeatureType {
  /** Plugins and modules. */
  REGISTRATIONS("registrations"),
  /** Service factories. */
  SERVICE("service"),
  /** Feature loaders. */
  LOADER("loader");

  private final String label;

  FeatureType(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
