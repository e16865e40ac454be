package dev.greenroom.frontend.api.blueprints;

import dev.greenroom.frontend.api.AttachTo;
import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ExtensionContext;
import dev.greenroom.frontend.api.ExtensionDataRef;
import dev.greenroom.frontend.api.ExtensionDataValue;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A reusable extension shape ({@code createExtensionBlueprint}): kind, attachment point, inputs,
 * outputs and a factory taking params. {@link #make} produces definitions of the blueprint's kind.
 *
 * @param <P> the params type
 */
public final class ExtensionBlueprint<P> {

  /** The blueprint's factory: {@code factory(params, ctx)}. */
  @FunctionalInterface
  public interface Factory<P> {
    Iterable<? extends ExtensionDataValue<?>> create(P params, ExtensionContext context)
        throws Exception;
  }

  private final String kind;
  private final AttachTo attachTo;
  private final Map<String, ExtensionInput> inputs;
  private final List<ExtensionDataRef<?>> output;
  private final Function<P, ConfigSchema> config;
  private final Factory<P> factory;

  private ExtensionBlueprint(Builder<P> b) {
    this.kind = b.kind;
    this.attachTo = b.attachTo;
    this.inputs = Map.copyOf(b.inputs);
    this.output = List.copyOf(b.output);
    this.config = b.config;
    this.factory = b.factory;
  }

  public static <P> Builder<P> builder(String kind) {
    return new Builder<>(kind);
  }

  public String kind() {
    return kind;
  }

  /** {@code .make({ name, params })}. */
  public ExtensionDefinition make(String name, P params) {
    return make(name, params, UnaryOperator.identity());
  }

  /** {@code .make({ name, params, attachTo?, disabled? })}: customise via the builder. */
  public ExtensionDefinition make(
      String name, P params, UnaryOperator<ExtensionDefinition.Builder> customize) {
    ExtensionDefinition.Builder b =
        ExtensionDefinition.builder()
            .kind(kind)
            .name(name)
            .attachTo(attachTo)
            .output(output.toArray(ExtensionDataRef<?>[]::new))
            .config(config == null ? null : config.apply(params))
            .factory(params, factory::create);
    inputs.forEach(b::input);
    return customize.apply(b).build();
  }

  /**
   * {@code .makeWithOverrides({...})}: the extension gets its own factory, which receives the
   * blueprint's factory as {@code original.create(params)} (its output verified against the
   * blueprint's output refs), and may add inputs and config keys and change the output.
   *
   * <pre>{@code
   * PageBlueprint.BLUEPRINT.makeWithOverrides("stats", o -> o
   *     .config(ConfigSchema.of(Field.string("heading").defaultsTo("Stats")))
   *     .factory((original, ctx) -> original.create(
   *         new PageBlueprint.Params("/stats", ctx.config().string("heading"), view))));
   * }</pre>
   */
  public ExtensionDefinition makeWithOverrides(
      String name, UnaryOperator<BlueprintOverrides<P>> spec) {
    BlueprintOverrides<P> o = spec.apply(new BlueprintOverrides<>());
    return o.make(this, name);
  }

  Map<String, ExtensionInput> inputs() {
    return inputs;
  }

  AttachTo attachTo() {
    return attachTo;
  }

  List<ExtensionDataRef<?>> output() {
    return output;
  }

  Factory<P> factory() {
    return factory;
  }

  Function<P, ConfigSchema> config() {
    return config;
  }

  /** Builder of {@link ExtensionBlueprint}. */
  public static final class Builder<P> {
    private final String kind;
    private AttachTo attachTo;
    private final Map<String, ExtensionInput> inputs = new LinkedHashMap<>();
    private List<ExtensionDataRef<?>> output = List.of();
    private Function<P, ConfigSchema> config;
    private Factory<P> factory;

    private Builder(String kind) {
      this.kind = kind;
    }

    public Builder<P> attachTo(String id, String input) {
      this.attachTo = AttachTo.to(id, input);
      return this;
    }

    public Builder<P> input(String name, ExtensionInput input) {
      inputs.put(name, input);
      return this;
    }

    public Builder<P> output(ExtensionDataRef<?>... refs) {
      this.output = List.of(refs);
      return this;
    }

    /** The config schema, which may take its defaults from the params. */
    public Builder<P> config(Function<P, ConfigSchema> config) {
      this.config = config;
      return this;
    }

    public Builder<P> factory(Factory<P> factory) {
      this.factory = factory;
      return this;
    }

    public ExtensionBlueprint<P> build() {
      if (attachTo == null || factory == null) {
        throw new IllegalStateException("Blueprint '" + kind + "' needs attachTo and factory");
      }
      return new ExtensionBlueprint<>(this);
    }
  }
}
