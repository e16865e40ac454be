package dev.greenroom.backend.api;

/** The three kinds of {@link BackendFeature}. */
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
