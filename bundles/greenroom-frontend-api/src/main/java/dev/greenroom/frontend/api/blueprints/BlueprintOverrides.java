package dev.greenroom.frontend.api.blueprints;

import dev.greenroom.frontend.api.AttachTo;
import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ExtensionContext;
import dev.greenroom.frontend.api.ExtensionDataContainer;
import dev.greenroom.frontend.api.ExtensionDataRef;
import dev.greenroom.frontend.api.ExtensionDataValue;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.ExtensionPredicate;
import dev.greenroom.frontend.api.OriginalFactoryContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@link ExtensionBlueprint#makeWithOverrides}: attachment, {@code disabled}, the
 * {@code if}, extra inputs and config keys, another output and the (required) factory.
 *
 * @param <P> the blueprint's params type
 */
public final class BlueprintOverrides<P> {

  /** The blueprint's factory as the override calls it: params are required. */
  @FunctionalInterface
  public interface OriginalFactory<P> {
    /** Runs the blueprint's factory; its output is verified against the blueprint's output refs. */
    ExtensionDataContainer create(P params, OriginalFactoryContext changes) throws Exception;

    default ExtensionDataContainer create(P params) throws Exception {
      return create(params, OriginalFactoryContext.none());
    }
  }

  /** The extension's factory: {@code factory(originalFactory, ctx)}. */
  @FunctionalInterface
  public interface Factory<P> {
    Iterable<? extends ExtensionDataValue<?>> create(OriginalFactory<P> original, ExtensionContext context)
        throws Exception;
  }

  private AttachTo attachTo;
  private Boolean disabled;
  private ExtensionPredicate predicate;
  private final Map<String, ExtensionInput> inputs = new LinkedHashMap<>();
  private ConfigSchema config;
  private List<ExtensionDataRef<?>> output;
  private Factory<P> factory;
  private P schemaParams;
  private boolean hasSchemaParams;

  BlueprintOverrides() {}

  /**
   * The params the blueprint's config schema takes its defaults from (Greenroom blueprints such as
   * {@link PageBlueprint} derive defaults from params, which {@code makeWithOverrides} only knows
   * once the factory runs). Needed for such blueprints; the factory still passes its own params.
   */
  public BlueprintOverrides<P> schemaParams(P params) {
    this.schemaParams = params;
    this.hasSchemaParams = true;
    return this;
  }

  public BlueprintOverrides<P> attachTo(String id, String input) {
    return attachTo(AttachTo.to(id, input));
  }

  public BlueprintOverrides<P> attachTo(AttachTo point) {
    this.attachTo = point;
    return this;
  }

  public BlueprintOverrides<P> disabled(boolean value) {
    this.disabled = value;
    return this;
  }

  public BlueprintOverrides<P> predicate(ExtensionPredicate value) {
    this.predicate = value;
    return this;
  }

  /** An input in addition to the blueprint's; one the blueprint already has is refused. */
  public BlueprintOverrides<P> input(String name, ExtensionInput input) {
    inputs.put(name, input);
    return this;
  }

  /**
   * Config keys in addition to the blueprint's; one the blueprint already has is refused. Only
   * blueprints whose schema does not depend on params can be extended (the params are not known
   * before the factory runs): for the others, the schema comes from {@code config} alone.
   */
  public BlueprintOverrides<P> config(ConfigSchema schema) {
    this.config = schema;
    return this;
  }

  public BlueprintOverrides<P> output(ExtensionDataRef<?>... refs) {
    this.output = List.of(refs);
    return this;
  }

  public BlueprintOverrides<P> factory(Factory<P> value) {
    this.factory = value;
    return this;
  }

  ExtensionDefinition make(ExtensionBlueprint<P> blueprint, String name) {
    if (factory == null) {
      throw new IllegalArgumentException(
          "makeWithOverrides of blueprint '" + blueprint.kind() + "' needs a factory");
    }
    ExtensionDefinition.Builder b =
        ExtensionDefinition.builder()
            .kind(blueprint.kind())
            .name(name)
            .attachTo(attachTo != null ? attachTo : blueprint.attachTo())
            .output(
                (output != null ? output : blueprint.output()).toArray(ExtensionDataRef<?>[]::new));
    for (String inputName : inputs.keySet()) {
      if (blueprint.inputs().containsKey(inputName)) {
        throw new IllegalArgumentException(
            "Input '" + inputName + "' is already defined in parent definition");
      }
    }
    inputs.forEach(b::input);
    blueprint.inputs().forEach(b::input);
    b.config(mergeConfig(blueprintSchema(blueprint), config));
    if (disabled != null) {
      b.disabled(disabled);
    }
    if (predicate != null) {
      b.predicate(predicate);
    }
    Factory<P> override = factory;
    ExtensionBlueprint.Factory<P> blueprintFactory = blueprint.factory();
    List<ExtensionDataRef<?>> declared = blueprint.output();
    b.factory(
        ctx ->
            override.create(
                (params, changes) ->
                    ExtensionDataContainer.verified(
                        blueprintFactory.create(params, changes.applyTo(ctx)),
                        "original blueprint factory",
                        declared),
                ctx));
    return b.build();
  }

  private ConfigSchema blueprintSchema(ExtensionBlueprint<P> blueprint) {
    if (blueprint.config() == null) {
      return null;
    }
    if (hasSchemaParams) {
      return blueprint.config().apply(schemaParams);
    }
    try {
      return blueprint.config().apply(null);
    } catch (NullPointerException e) {
      throw new IllegalArgumentException(
          "Blueprint '" + blueprint.kind() + "' takes its config defaults from params:"
              + " pass them to makeWithOverrides with schemaParams(...)",
          e);
    }
  }

  private static ConfigSchema mergeConfig(ConfigSchema base, ConfigSchema added) {
    if (base == null) {
      return added;
    }
    if (added == null) {
      return base;
    }
    for (String key : added.fields().keySet()) {
      if (base.fields().containsKey(key)) {
        throw new IllegalArgumentException("Config key '" + key + "' is already defined in parent schema");
      }
    }
    return base.with(added);
  }
}
