package dev.greenroom.backend.api;

/** Where one instance of a service lives: one per backend, or one per plugin. */
public enum ServiceScope {
  ROOT("root"),
  PLUGIN("plugin");

  private final String label;

  ServiceScope(String label) {
    this.label = label;
  }

  /** The lowercase name used in Backstage's messages ({@code 'root'}, {@code 'plugin'}). */
  @Override
  public String toString() {
    return label;
  }
}
