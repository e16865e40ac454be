package dev.greenroom.backend.api;

import dev.greenroom.backend.api.spi.FeatureType;
import dev.greenroom.backend.api.spi.InternalBackendFeature;
import java.util.Objects;

/**
 * A feature that produces more features at start, from root-scoped deps. Mirrors Backstage's
 * {@code createBackendFeatureLoader}; its {@link #description()} names where it was created.
 */
public final class BackendFeatureLoader implements InternalBackendFeature {
  /** Produces features: {@link BackendFeature}s or {@code DefaultExport}s wrapping them. */
  @FunctionalInterface
  public interface Loader {
    Iterable<?> load(ResolvedDeps deps) throws Exception;
  }

  private final Deps deps;
  private final Loader loader;
  private final String description;

  private BackendFeatureLoader(Deps deps, Loader loader, String description) {
    this.deps = Objects.requireNonNull(deps, "deps");
    this.loader = Objects.requireNonNull(loader, "loader");
    this.description = description;
  }

  public static BackendFeatureLoader create(Deps deps, Loader loader) {
    return new BackendFeatureLoader(deps, loader, "created at '" + callSite() + "'");
  }

  public static BackendFeatureLoader create(Loader loader) {
    return new BackendFeatureLoader(Deps.none(), loader, "created at '" + callSite() + "'");
  }

  public Deps deps() {
    return deps;
  }

  public Loader loader() {
    return loader;
  }

  /** {@code created at '<call site>'}, used in error messages. */
  public String description() {
    return description;
  }

  @Override
  public FeatureType featureType() {
    return FeatureType.LOADER;
  }

  @Override
  public String toString() {
    return "BackendFeatureLoader{" + description + "}";
  }

  private static String callSite() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !f.getClassName().equals(BackendFeatureLoader.class.getName()))
                    .findFirst()
                    .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                    .orElse("<unknown>"));
  }
}
