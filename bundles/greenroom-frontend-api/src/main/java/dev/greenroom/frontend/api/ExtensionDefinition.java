package dev.greenroom.frontend.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An extension as a plugin author declares it ({@code createExtension}): kind, optional explicit
 * namespace, name, attachment point(s), inputs, outputs, config schema and factory. The id is
 * resolved when the definition is added to a plugin or module ({@link #resolve(String)}).
 */
public final class ExtensionDefinition {
  private final String kind;
  private final String namespace;
  private final String name;
  private final List<AttachTo> attachTo;
  private final boolean multipleAttachTo;
  private final boolean disabled;
  private final Map<String, ExtensionInput> inputs;
  private final List<ExtensionDataRef<?>> output;
  private final ConfigSchema configSchema;
  private final ExtensionPredicate predicate;
  private final ExtensionFactory factory;
  private final ParamsBinding<?> paramsBinding;

  /** A factory taking params, as blueprints make them: {@code factory(params, ctx)}. */
  @FunctionalInterface
  public interface ParamsFactory<P> {
    Iterable<? extends ExtensionDataValue<?>> create(P params, ExtensionContext context) throws Exception;
  }

  /** The params a blueprint-made definition was made with, so overrides can replace them. */
  record ParamsBinding<P>(P params, ParamsFactory<P> factory) {
    @SuppressWarnings("unchecked")
    Iterable<? extends ExtensionDataValue<?>> create(UnaryOperator<Object> change, ExtensionContext ctx)
        throws Exception {
      return factory.create(change == null ? params : (P) change.apply(params), ctx);
    }

    @SuppressWarnings("unchecked")
    ParamsBinding<P> withParams(UnaryOperator<Object> change) {
      return new ParamsBinding<>((P) change.apply(params), factory);
    }
  }

  private ExtensionDefinition(Builder b) {
    this.kind = b.kind;
    this.namespace = b.namespace;
    this.name = b.name;
    if (b.attachTo.isEmpty()) {
      throw new IllegalArgumentException("Extension definition " + describe(b) + " has no attachTo");
    }
    this.attachTo = List.copyOf(b.attachTo);
    this.multipleAttachTo = b.multipleAttachTo;
    this.disabled = b.disabled;
    Map<String, ExtensionInput> bound = new LinkedHashMap<>();
    b.inputs.forEach((inputName, in) -> bound.put(inputName, in.bind(kind, name, inputName)));
    this.inputs = Collections.unmodifiableMap(bound);
    this.output = List.copyOf(b.output);
    this.configSchema = b.configSchema;
    this.predicate = b.predicate;
    this.factory = Objects.requireNonNull(b.factory, () -> describe(b) + " has no factory");
    this.paramsBinding = b.paramsBinding;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder preloaded with this definition, for overrides. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.kind = kind;
    b.namespace = namespace;
    b.name = name;
    b.attachTo.addAll(attachTo);
    b.multipleAttachTo = multipleAttachTo;
    b.disabled = disabled;
    b.inputs.putAll(inputs);
    b.output.addAll(output);
    b.configSchema = configSchema;
    b.predicate = predicate;
    b.factory = factory;
    b.paramsBinding = paramsBinding;
    return b;
  }

  /**
   * A copy with the changes of {@code spec} ({@code definition.override({...})}); kind, name and
   * namespace stay, so the copy has the same id and can replace the original in a module.
   *
   * @throws IllegalArgumentException {@code Refused to override output without also overriding
   *     factory}, {@code Refused to override params and factory at the same time}, for an input or
   *     config key the definition already has, or for params of a definition no blueprint made
   */
  public ExtensionDefinition override(UnaryOperator<ExtensionOverride> spec) {
    return Overrides.apply(this, spec.apply(new ExtensionOverride()));
  }

  ParamsBinding<?> paramsBinding() {
    return paramsBinding;
  }

  /** This definition's input {@code name}, usable as {@link AttachTo#input(ExtensionInput)}. */
  public ExtensionInput input(String inputName) {
    ExtensionInput in = inputs.get(inputName);
    if (in == null) {
      throw new IllegalArgumentException(this + " has no input '" + inputName + "'");
    }
    return in;
  }

  /**
   * Resolves id and attachment points; {@code contextNamespace} is the plugin's (or module's) id and
   * is used when the definition declares no namespace of its own.
   */
  public Extension resolve(String contextNamespace) {
    String ns = namespace != null ? namespace : contextNamespace;
    String id = ExtensionIds.resolve(kind, ns, name);
    List<AttachmentPoint> points = attachTo.stream().map(a -> a.resolve(ns)).toList();
    return new Extension(id, points, multipleAttachTo, disabled, this);
  }

  public String kind() {
    return kind;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public List<AttachTo> attachTo() {
    return attachTo;
  }

  public boolean isDisabled() {
    return disabled;
  }

  public Map<String, ExtensionInput> inputs() {
    return inputs;
  }

  public List<ExtensionDataRef<?>> output() {
    return output;
  }

  public ConfigSchema configSchema() {
    return configSchema;
  }

  public ExtensionPredicate predicate() {
    return predicate;
  }

  public ExtensionFactory factory() {
    return factory;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (kind != null) {
      parts.add("kind=" + kind);
    }
    if (name != null) {
      parts.add("name=" + name);
    }
    parts.add(
        "attachTo=" + String.join("+", attachTo.stream().map(AttachTo::describe).toList()));
    return "ExtensionDefinition{" + String.join(",", parts) + "}";
  }

  private static String describe(Builder b) {
    return "ExtensionDefinition{kind=" + b.kind + ",name=" + b.name + "}";
  }

  /** Builder for {@link ExtensionDefinition}; {@code attachTo} and {@code factory} are required. */
  public static final class Builder {
    private String kind;
    private String namespace;
    private String name;
    private final List<AttachTo> attachTo = new ArrayList<>();
    private boolean multipleAttachTo;
    private boolean disabled;
    private final Map<String, ExtensionInput> inputs = new LinkedHashMap<>();
    private final List<ExtensionDataRef<?>> output = new ArrayList<>();
    private ConfigSchema configSchema;
    private ExtensionPredicate predicate;
    private ExtensionFactory factory;
    private ParamsBinding<?> paramsBinding;

    private Builder() {}

    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    /** An explicit namespace; normally the plugin id is used. Built-ins use e.g. {@code root}. */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder attachTo(String id, String input) {
      return attachTo(AttachTo.to(id, input));
    }

    /** One attachment point. */
    public Builder attachTo(AttachTo point) {
      attachTo.clear();
      attachTo.add(point);
      multipleAttachTo = false;
      return this;
    }

    /**
     * Several attachment points (deprecated upstream, kept for compatibility): the extension is
     * cloned under every parent that exists.
     */
    public Builder attachToAll(List<AttachTo> points) {
      attachTo.clear();
      attachTo.addAll(points);
      multipleAttachTo = true;
      return this;
    }

    public Builder disabled(boolean disabled) {
      this.disabled = disabled;
      return this;
    }

    public Builder input(String inputName, ExtensionInput input) {
      inputs.put(inputName, input);
      return this;
    }

    public Builder output(ExtensionDataRef<?>... refs) {
      output.clear();
      output.addAll(List.of(refs));
      return this;
    }

    public Builder config(ConfigSchema schema) {
      this.configSchema = schema;
      return this;
    }

    /** The extension's {@code if}. */
    public Builder predicate(ExtensionPredicate predicate) {
      this.predicate = predicate;
      return this;
    }

    public Builder factory(ExtensionFactory factory) {
      this.factory = factory;
      this.paramsBinding = null;
      return this;
    }

    /**
     * A factory taking params (what blueprints use): the definition remembers the params so {@link
     * ExtensionOverride#params} can replace them.
     */
    public <P> Builder factory(P params, ParamsFactory<P> paramsFactory) {
      return factory(new ParamsBinding<>(params, paramsFactory));
    }

    Builder factory(ParamsBinding<?> binding) {
      this.factory = ctx -> binding.create(null, ctx);
      this.paramsBinding = binding;
      return this;
    }

    /** Generator-like factory: {@code (ctx, out) -> out.emit(TITLE, "x")}. */
    public Builder emitting(ExtensionFactory.Emitting factory) {
      return factory(ExtensionFactory.emitting(factory));
    }

    public ExtensionDefinition build() {
      return new ExtensionDefinition(this);
    }
  }
}
