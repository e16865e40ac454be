package dev.greenroom.frontend.api;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What an override (or middleware) may change when it calls the original factory: its config, its
 * inputs and, for blueprint-made extensions, its params. Unset parts are the override's own.
 * Immutable; each method returns a copy. The config is passed as given, not parsed again.
 */
public final class OriginalFactoryContext {
  private static final OriginalFactoryContext NONE = new OriginalFactoryContext(null, null, null);

  private final ExtensionConfig config;
  private final ExtensionInputs inputs;
  private final UnaryOperator<Object> params;

  private OriginalFactoryContext(
      ExtensionConfig config, ExtensionInputs inputs, UnaryOperator<Object> params) {
    this.config = config;
    this.inputs = inputs;
    this.params = params;
  }

  /** Change nothing. */
  public static OriginalFactoryContext none() {
    return NONE;
  }

  public static OriginalFactoryContext withConfig(Map<String, Object> config) {
    return NONE.config(config);
  }

  public OriginalFactoryContext config(Map<String, Object> newConfig) {
    return config(new ExtensionConfig(newConfig));
  }

  public OriginalFactoryContext config(ExtensionConfig newConfig) {
    return new OriginalFactoryContext(newConfig, inputs, params);
  }

  /** Inputs the original factory sees instead of the resolved ones (a filtered or reordered view). */
  public OriginalFactoryContext inputs(ExtensionInputs newInputs) {
    return new OriginalFactoryContext(config, newInputs, params);
  }

  /**
   * New params from the current ones, for blueprint-made extensions (ignored otherwise, like
   * Backstage). The operator must accept the blueprint's params type.
   */
  @SuppressWarnings("unchecked")
  public <P> OriginalFactoryContext params(UnaryOperator<P> change) {
    return new OriginalFactoryContext(config, inputs, p -> ((UnaryOperator<Object>) (UnaryOperator<?>) change).apply(p));
  }

  /** The context the original factory receives instead of {@code ctx}. */
  public ExtensionContext applyTo(ExtensionContext ctx) {
    if (config == null && inputs == null) {
      return ctx;
    }
    return ExtensionContext.of(
        ctx.node(), config != null ? config : ctx.config(), inputs != null ? inputs : ctx.inputs());
  }

  UnaryOperator<Object> params() {
    return params;
  }
}
