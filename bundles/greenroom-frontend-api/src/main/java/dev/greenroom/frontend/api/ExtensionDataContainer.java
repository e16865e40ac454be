package dev.greenroom.frontend.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The output of an original factory as an override or middleware sees it ({@code
 * createExtensionDataContainer}): values by id, a later value for the same id replacing an earlier
 * one in place, iterable in first-seen order so it can be returned as is.
 */
public final class ExtensionDataContainer implements Iterable<ExtensionDataValue<?>> {
  private final Map<String, ExtensionDataValue<?>> values;

  private ExtensionDataContainer(Map<String, ExtensionDataValue<?>> values) {
    this.values = values;
  }

  /**
   * Collects {@code values}; {@code contextName} names the producer in the not-iterable message.
   *
   * @throws ExtensionFactoryError {@code <contextName> did not provide an iterable object}
   */
  public static ExtensionDataContainer of(
      Iterable<? extends ExtensionDataValue<?>> values, String contextName) {
    return verified(values, contextName, null);
  }

  /**
   * Like {@link #of}, and checks the values against {@code declared} (when not null).
   *
   * @throws ExtensionFactoryError {@code extension data '<id>' was provided but not declared} or
   *     {@code missing required extension data value(s) '<ids>'}
   */
  public static ExtensionDataContainer verified(
      Iterable<? extends ExtensionDataValue<?>> values,
      String contextName,
      List<ExtensionDataRef<?>> declared) {
    if (values == null) {
      throw new ExtensionFactoryError(contextName + " did not provide an iterable object");
    }
    Map<String, ExtensionDataRef<?>> remaining =
        declared == null
            ? null
            : declared.stream()
                .collect(Collectors.toMap(ExtensionDataRef::id, r -> r, (a, b) -> b, LinkedHashMap::new));
    Map<String, ExtensionDataValue<?>> container = new LinkedHashMap<>();
    for (ExtensionDataValue<?> value : values) {
      if (remaining != null && remaining.remove(value.id()) == null) {
        throw new ExtensionFactoryError(
            "extension data '" + value.id() + "' was provided but not declared");
      }
      container.put(value.id(), value);
    }
    if (remaining != null) {
      List<String> missing =
          remaining.values().stream().filter(r -> !r.isOptional()).map(ExtensionDataRef::id).toList();
      if (!missing.isEmpty()) {
        throw new ExtensionFactoryError(
            "missing required extension data value(s) '" + String.join(", ", missing) + "'");
      }
    }
    return new ExtensionDataContainer(container);
  }

  /** The value for {@code ref}, or null. */
  @SuppressWarnings("unchecked")
  public <T> T get(ExtensionDataRef<T> ref) {
    ExtensionDataValue<?> v = values.get(ref.id());
    return v == null ? null : (T) v.value();
  }

  @Override
  public Iterator<ExtensionDataValue<?>> iterator() {
    return values.values().iterator();
  }

  @Override
  public String toString() {
    return "ExtensionDataContainer" + values.keySet();
  }
}
