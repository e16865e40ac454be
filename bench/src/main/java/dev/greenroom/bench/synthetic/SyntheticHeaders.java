package dev.greenroom.bench.synthetic;

import org.osgi.framework.Bundle;

/**
 * Manifest headers that parameterise the synthetic bundles. The same template classes go into
 * every generated bundle; each bundle's manifest says which plugin or module it is.
 */
public final class SyntheticHeaders {
  private SyntheticHeaders() {}

  public static final String PLUGIN_ID = "X-Greenroom-Bench-Plugin";
  public static final String MODULE_ID = "X-Greenroom-Bench-Module";
  public static final String MODULE_COUNT = "X-Greenroom-Bench-Modules";
  public static final String GENERATION = "X-Greenroom-Bench-Generation";
  public static final String USES_DATABASE = "X-Greenroom-Bench-Uses-Database";
  /** Isolation benchmark: {@code fail-init}, {@code hang-init} or {@code db-route} (absent: a healthy plugin). */
  public static final String FAULT = "X-Greenroom-Bench-Fault";

  static String required(Bundle bundle, String header) {
    String value = bundle.getHeaders().get(header);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Bundle " + bundle.getSymbolicName() + " has no " + header + " header");
    }
    return value.trim();
  }
}
