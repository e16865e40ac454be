package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.ExtensionDataRef;
import java.util.List;
import java.util.Map;

/** The output of an instantiated node: its declared data, by ref id. */
public final class AppNodeInstance {
  private final Map<String, Object> data;
  private final List<ExtensionDataRef<?>> dataRefs;

  AppNodeInstance(Map<String, Object> data, List<ExtensionDataRef<?>> dataRefs) {
    this.data = data;
    this.dataRefs = dataRefs;
  }

  /** The refs of the data this node provides, in declared output order. */
  public List<ExtensionDataRef<?>> dataRefs() {
    return dataRefs;
  }

  @SuppressWarnings("unchecked")
  public <T> T get(ExtensionDataRef<T> ref) {
    return (T) data.get(ref.id());
  }
}
