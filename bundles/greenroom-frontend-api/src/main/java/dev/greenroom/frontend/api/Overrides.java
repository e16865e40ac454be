package dev.greenroom.frontend.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies an {@link ExtensionOverride} to a definition, the way {@code createExtension}'s override does. */
final class Overrides {
  private Overrides() {}

  static ExtensionDefinition apply(ExtensionDefinition def, ExtensionOverride o) {
    if (o.output != null && o.factory == null) {
      throw new IllegalArgumentException("Refused to override output without also overriding factory");
    }
    if (o.params != null && o.factory != null) {
      throw new IllegalArgumentException("Refused to override params and factory at the same time");
    }
    if (o.params != null && def.paramsBinding() == null) {
      // Backstage ignores such params silently; a Java caller would never notice they did nothing
      throw new IllegalArgumentException(
          "Refused to override params of " + def + ", it was not made by a blueprint");
    }
    ExtensionDefinition.Builder b = def.toBuilder();
    if (o.attachTo != null) {
      b.attachTo(o.attachTo);
    } else if (o.attachToAll != null) {
      b.attachToAll(o.attachToAll);
    }
    if (o.disabled != null) {
      b.disabled(o.disabled);
    }
    if (o.predicate != null) {
      b.predicate(o.predicate);
    }
    checkNewInputs(def, o.inputs);
    o.inputs.forEach(b::input);
    if (o.config != null) {
      b.config(mergeConfig(def.configSchema(), o.config));
    }
    if (o.output != null) {
      b.output(o.output.toArray(ExtensionDataRef<?>[]::new));
    }
    if (o.params != null) {
      b.factory(def.paramsBinding().withParams(o.params));
    } else if (o.factory != null) {
      b.factory(overridingFactory(def, o.factory));
    }
    return b.build();
  }

  /** Upstream's type checks, as runtime checks: an override adds inputs and config keys, it never redefines them. */
  static void checkNewInputs(ExtensionDefinition def, Map<String, ExtensionInput> inputs) {
    for (String name : inputs.keySet()) {
      if (def.inputs().containsKey(name)) {
        throw new IllegalArgumentException("Input '" + name + "' is already defined in parent definition");
      }
    }
  }

  static ConfigSchema mergeConfig(ConfigSchema base, ConfigSchema added) {
    if (base == null) {
      return added;
    }
    for (String key : added.fields().keySet()) {
      if (base.fields().containsKey(key)) {
        throw new IllegalArgumentException("Config key '" + key + "' is already defined in parent schema");
      }
    }
    return base.with(added);
  }

  private static ExtensionFactory overridingFactory(ExtensionDefinition def, ExtensionOverride.Factory override) {
    ExtensionFactory originalFactory = def.factory();
    ExtensionDefinition.ParamsBinding<?> binding = def.paramsBinding();
    List<ExtensionDataRef<?>> declared = def.output();
    return ctx -> {
      ExtensionOverride.OriginalFactory original =
          changes -> {
            ExtensionContext inner = changes.applyTo(ctx);
            Iterable<? extends ExtensionDataValue<?>> out =
                binding != null ? binding.create(changes.params(), inner) : originalFactory.create(inner);
            return ExtensionDataContainer.verified(out, "original extension factory", declared);
          };
      Iterable<? extends ExtensionDataValue<?>> result = override.create(original, ctx);
      if (result == null) {
        throw new ExtensionFactoryError("extension factory override did not provide an iterable object");
      }
      Map<String, ExtensionDataValue<?>> deduplicated = new LinkedHashMap<>();
      for (ExtensionDataValue<?> value : result) {
        deduplicated.put(value.id(), value);
      }
      return List.copyOf(deduplicated.values());
    };
  }
}
