package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.Extension;
import dev.greenroom.frontend.api.ExtensionFactoryMiddleware;
import dev.greenroom.frontend.api.FrontendFeature;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.runtime.internal.DefaultAppPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An assembled frontend app ({@code createSpecializedApp}): node specs resolved from the features,
 * the built-in root and {@code app.extensions}; the tree built with root {@code root}; the active
 * part instantiated. Never throws for bad input: every problem is an {@link AppError}. Immutable
 * once created, so a live runtime builds a new one and swaps it in.
 */
public final class FrontendApp {
  /** The id of the root extension, which can be neither overridden nor configured. */
  public static final String ROOT_ID = "root";

  /** What makes the app show the "App startup failed" page instead of rendering. */
  public enum ErrorPolicy {
    /**
     * Greenroom's default: only a failure that leaves nothing to render (bad {@code app.extensions},
     * a broken tree, the root not instantiated) fails startup; other failed extensions are left out
     * and listed, and the rest of the app renders.
     */
    CONTAINED,
    /** Backstage's default: any blocking (non-warning) error fails startup. */
    STRICT
  }

  private final AppTree tree;
  private final List<AppError> errors;
  private final List<String> notices;
  private final List<AppError> startupFailures;

  private FrontendApp(AppTree tree, List<AppError> errors, List<String> notices, List<AppError> startupFailures) {
    this.tree = tree;
    this.errors = List.copyOf(errors);
    this.notices = List.copyOf(notices);
    this.startupFailures = List.copyOf(startupFailures);
  }

  /** Features plus the value of {@code app.extensions} (plain List/Map from YAML, or null). */
  public static FrontendApp create(List<? extends FrontendFeature> features, Object appExtensions) {
    return builder().features(features).appExtensions(appExtensions).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The tree, or null when it could not be built (see {@link #startupFailures()}). */
  public AppTree tree() {
    return tree;
  }

  /** Every collected error and warning, in the order they were found. */
  public List<AppError> errors() {
    return errors;
  }

  /** Errors whose code is a warning ({@link AppError#WARNING_CODES}). */
  public List<AppError> warnings() {
    return errors.stream().filter(AppError::isWarning).toList();
  }

  /** Errors that would render Backstage's "App startup failed" page. */
  public List<AppError> blockingErrors() {
    return errors.stream().filter(e -> !e.isWarning()).toList();
  }

  /** Development notices without a code (children attached to undeclared inputs). */
  public List<String> notices() {
    return notices;
  }

  /** Why the app cannot render; empty when it can. */
  public List<AppError> startupFailures() {
    return startupFailures;
  }

  public boolean startupFailed() {
    return !startupFailures.isEmpty();
  }

  public AppRenderer renderer() {
    return new AppRenderer(this);
  }

  /** Builder of {@link FrontendApp}. */
  public static final class Builder {
    private final List<FrontendFeature> features = new ArrayList<>();
    private Object appExtensions;
    private Map<String, Object> predicateContext = Map.of();
    private ErrorPolicy policy = ErrorPolicy.CONTAINED;
    private boolean defaultAppPlugin = true;
    private ExtensionFactoryMiddleware middleware;

    private Builder() {}

    /**
     * Wraps every extension factory ({@code extensionFactoryMiddleware}); with several, each later
     * one wraps the earlier ones (the last is outermost), like Backstage. None: factories run as is.
     */
    public Builder extensionFactoryMiddleware(ExtensionFactoryMiddleware... middlewares) {
      this.middleware = FactoryMiddlewares.merge(middlewares);
      return this;
    }

    public Builder features(List<? extends FrontendFeature> list) {
      features.addAll(list);
      return this;
    }

    public Builder feature(FrontendFeature feature) {
      features.add(feature);
      return this;
    }

    /** The value of {@code app.extensions}: a List from YAML, or null. */
    public Builder appExtensions(Object appExtensions) {
      this.appExtensions = appExtensions;
      return this;
    }

    /** What extension predicates ({@code if}) see, e.g. {@code featureFlags}. */
    public Builder predicateContext(Map<String, Object> context) {
      this.predicateContext = Map.copyOf(context);
      return this;
    }

    public Builder errorPolicy(ErrorPolicy policy) {
      this.policy = policy;
      return this;
    }

    /** Whether to add Greenroom's default {@code app} plugin first (an installed one replaces it). */
    public Builder defaultAppPlugin(boolean include) {
      this.defaultAppPlugin = include;
      return this;
    }

    public FrontendApp build() {
      ErrorCollector collector = new ErrorCollector();
      List<String> notices = new ArrayList<>();
      List<ExtensionParameters> parameters;
      try {
        parameters = AppExtensionsConfig.read(appExtensions);
      } catch (IllegalArgumentException e) {
        AppError failure = new AppError("INVALID_APP_CONFIG", e.getMessage(), null, null, null, null, null);
        return new FrontendApp(null, List.of(failure), notices, List.of(failure));
      }
      List<FrontendFeature> all = new ArrayList<>();
      if (defaultAppPlugin) {
        all.add(DefaultAppPlugin.create());
      }
      all.addAll(features);
      List<Extension> builtins = List.of(DefaultAppPlugin.root().resolve(null));
      List<AppNodeSpec> specs =
          NodeSpecResolver.resolve(all, builtins, parameters, Set.of(ROOT_ID), collector);
      AppTree tree;
      try {
        tree = TreeBuilder.build(ROOT_ID, specs, collector);
      } catch (IllegalStateException e) {
        List<AppError> errors = new ArrayList<>(collector.errors());
        AppError failure = new AppError("APP_TREE_INVALID", e.getMessage(), null, null, null, null, null);
        errors.add(failure);
        return new FrontendApp(null, errors, notices, List.of(failure));
      }
      boolean rootOk = new TreeInstantiator(collector, predicateContext, notices::add, middleware).instantiate(tree.root());
      List<AppError> errors = collector.errors();
      List<AppError> blocking = errors.stream().filter(e -> !e.isWarning()).toList();
      List<AppError> failures;
      if (policy == ErrorPolicy.STRICT) {
        failures = blocking;
      } else {
        failures = rootOk ? List.of() : blocking;
      }
      if (!rootOk && failures.isEmpty()) {
        failures = List.of(new AppError(
            "APP_ROOT_INACTIVE", "The root extension was not instantiated", ROOT_ID, null, null, "app", null));
      }
      return new FrontendApp(tree, errors, notices, failures);
    }
  }

  /** For tests and adapters that need the default app plugin on its own. */
  public static FrontendPlugin defaultAppPlugin() {
    return DefaultAppPlugin.create();
  }
}
