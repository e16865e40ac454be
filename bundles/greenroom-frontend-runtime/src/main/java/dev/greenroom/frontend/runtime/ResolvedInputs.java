package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.AppNodeInfo;
import dev.greenroom.frontend.api.ExtensionDataRef;
import dev.greenroom.frontend.api.ExtensionInputs;
import dev.greenroom.frontend.api.InputValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The inputs handed to a factory; asking for an undeclared input or the wrong shape is a bug. */
final class ResolvedInputs implements ExtensionInputs {
  private final String extensionId;
  private final Map<String, Object> byName; // List<InputValue> for list inputs, InputValue or null

  ResolvedInputs(String extensionId, Map<String, Object> byName) {
    this.extensionId = extensionId;
    this.byName = byName;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<InputValue> list(String inputName) {
    Object v = declared(inputName);
    if (!(v instanceof List<?>)) {
      throw new IllegalArgumentException(
          "Input '" + inputName + "' of extension '" + extensionId + "' is a singleton; use single()");
    }
    return (List<InputValue>) v;
  }

  @Override
  public InputValue single(String inputName) {
    Object v = declared(inputName);
    if (v instanceof List<?>) {
      throw new IllegalArgumentException(
          "Input '" + inputName + "' of extension '" + extensionId + "' is a list; use list()");
    }
    return (InputValue) v;
  }

  private Object declared(String inputName) {
    if (!byName.containsKey(inputName)) {
      throw new IllegalArgumentException(
          "Extension '" + extensionId + "' has no input '" + inputName + "'");
    }
    return byName.get(inputName);
  }

  /** One attachment's data, restricted to what the input declared. */
  record Value(AppNodeInfo node, Map<String, Object> data) implements InputValue {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(ExtensionDataRef<T> ref) {
      return (T) data.get(ref.id());
    }

    @Override
    public Set<String> dataRefIds() {
      return Collections.unmodifiableSet(data.keySet());
    }
  }
}
