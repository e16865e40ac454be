package dev.greenroom.frontend.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** An extension's parsed config: typed getters over the map its schema produced. */
public final class ExtensionConfig {
  private static final ExtensionConfig EMPTY = new ExtensionConfig(Map.of());
  private final Map<String, Object> values;

  public ExtensionConfig(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static ExtensionConfig empty() {
    return EMPTY;
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public Object get(String key) {
    return values.get(key);
  }

  public String string(String key) {
    return (String) values.get(key);
  }

  public Long integer(String key) {
    Object v = values.get(key);
    return v == null ? null : ((Number) v).longValue();
  }

  public Double number(String key) {
    Object v = values.get(key);
    return v == null ? null : ((Number) v).doubleValue();
  }

  public Boolean bool(String key) {
    return (Boolean) values.get(key);
  }

  @SuppressWarnings("unchecked")
  public List<String> stringList(String key) {
    return (List<String>) values.get(key);
  }

  @SuppressWarnings("unchecked")
  public ExtensionConfig object(String key) {
    Object v = values.get(key);
    return v == null ? null : new ExtensionConfig((Map<String, Object>) v);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
