package dev.greenroom.frontend.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What {@link ExtensionDefinition#override} may change ({@code definition.override({...})}):
 * attachment, default {@code disabled}, the {@code if}, new inputs, new config keys, the output
 * (only with a factory), the factory (which may call the original) or, for blueprint-made
 * extensions, the params.
 *
 * <pre>{@code
 * definition.override(o -> o
 *     .attachTo("app/nav", "items")
 *     .config(ConfigSchema.of(Field.string("badge").optional()))
 *     .factory((original, ctx) -> {
 *       ExtensionDataContainer out = original.create();
 *       return List.of(TITLE.value(out.get(TITLE) + "!"), VIEW.value(out.get(VIEW)));
 *     }));
 * }</pre>
 */
public final class ExtensionOverride {

  /** The original factory as an override or middleware calls it. */
  @FunctionalInterface
  public interface OriginalFactory {
    /** Runs the original factory with the given changes; its output is verified (overrides). */
    ExtensionDataContainer create(OriginalFactoryContext changes) throws Exception;

    /** Runs the original factory unchanged. */
    default ExtensionDataContainer create() throws Exception {
      return create(OriginalFactoryContext.none());
    }
  }

  /** An override's factory: {@code factory(originalFactory, ctx)}. */
  @FunctionalInterface
  public interface Factory {
    Iterable<? extends ExtensionDataValue<?>> create(OriginalFactory original, ExtensionContext context)
        throws Exception;
  }

  AttachTo attachTo;
  List<AttachTo> attachToAll;
  Boolean disabled;
  ExtensionPredicate predicate;
  final Map<String, ExtensionInput> inputs = new LinkedHashMap<>();
  ConfigSchema config;
  List<ExtensionDataRef<?>> output;
  Factory factory;
  UnaryOperator<Object> params;

  ExtensionOverride() {}

  public ExtensionOverride attachTo(String id, String input) {
    return attachTo(AttachTo.to(id, input));
  }

  public ExtensionOverride attachTo(AttachTo point) {
    this.attachTo = point;
    this.attachToAll = null;
    return this;
  }

  /** Several attachment points (deprecated upstream). */
  public ExtensionOverride attachToAll(List<AttachTo> points) {
    this.attachToAll = List.copyOf(points);
    this.attachTo = null;
    return this;
  }

  public ExtensionOverride disabled(boolean value) {
    this.disabled = value;
    return this;
  }

  /** Replaces the extension's {@code if}. */
  public ExtensionOverride predicate(ExtensionPredicate value) {
    this.predicate = value;
    return this;
  }

  /** A new input; an input the definition already has is refused. */
  public ExtensionOverride input(String name, ExtensionInput input) {
    inputs.put(name, input);
    return this;
  }

  /** New config keys, added to the definition's schema; a key it already has is refused. */
  public ExtensionOverride config(ConfigSchema schema) {
    this.config = schema;
    return this;
  }

  /** A new output declaration; requires {@link #factory}. */
  public ExtensionOverride output(ExtensionDataRef<?>... refs) {
    this.output = new ArrayList<>(List.of(refs));
    return this;
  }

  public ExtensionOverride factory(Factory value) {
    this.factory = value;
    return this;
  }

  /**
   * New params from the current ones, for an extension made by a blueprint; the blueprint's own
   * factory then runs with them. Cannot be combined with {@link #factory}.
   */
  @SuppressWarnings("unchecked")
  public <P> ExtensionOverride params(UnaryOperator<P> change) {
    UnaryOperator<Object> erased = (UnaryOperator<Object>) (UnaryOperator<?>) change;
    this.params = erased;
    return this;
  }
}
