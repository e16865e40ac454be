package dev.greenroom.frontend.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A frontend plugin ({@code createFrontendPlugin({ pluginId, extensions, if })}): its extensions are
 * resolved in the namespace of its id.
 */
public final class FrontendPlugin implements FrontendFeature {
  private final String pluginId;
  private final List<ExtensionDefinition> definitions;
  private final List<Extension> extensions;
  private final ExtensionPredicate predicate;

  private FrontendPlugin(
      String pluginId, List<ExtensionDefinition> definitions, ExtensionPredicate predicate) {
    if (pluginId == null || pluginId.isBlank()) {
      throw new IllegalArgumentException("Frontend plugin id must not be empty");
    }
    this.pluginId = pluginId;
    this.definitions = List.copyOf(definitions);
    this.predicate = predicate;
    Map<String, Extension> byId = new LinkedHashMap<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (ExtensionDefinition def : definitions) {
      Extension ext = def.resolve(pluginId);
      if (byId.putIfAbsent(ext.id(), ext) != null) {
        duplicates.add(ext.id());
      }
    }
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException(
          "Plugin '" + pluginId + "' provided duplicate extensions: " + String.join(", ", duplicates));
    }
    this.extensions = List.copyOf(byId.values());
  }

  public static FrontendPlugin create(String pluginId, ExtensionDefinition... extensions) {
    return new FrontendPlugin(pluginId, List.of(extensions), null);
  }

  public static FrontendPlugin create(
      String pluginId, List<ExtensionDefinition> extensions, ExtensionPredicate predicate) {
    return new FrontendPlugin(pluginId, extensions, predicate);
  }

  public String pluginId() {
    return pluginId;
  }

  /** The resolved extensions, in declaration order. */
  public List<Extension> extensions() {
    return extensions;
  }

  /** The plugin-level {@code if}, or null. */
  public ExtensionPredicate predicate() {
    return predicate;
  }

  /**
   * @throws IllegalArgumentException {@code Attempted to get non-existent extension '<id>' from
   *     plugin '<pid>'}
   */
  public Extension getExtension(String id) {
    for (Extension e : extensions) {
      if (e.id().equals(id)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "Attempted to get non-existent extension '" + id + "' from plugin '" + pluginId + "'");
  }

  /** A copy where the given extensions replace those with the same id; overriding ones move last. */
  public FrontendPlugin withOverrides(List<ExtensionDefinition> overrides) {
    Set<String> overridden = new LinkedHashSet<>();
    for (ExtensionDefinition o : overrides) {
      overridden.add(o.resolve(pluginId).id());
    }
    List<ExtensionDefinition> all = new ArrayList<>();
    for (ExtensionDefinition d : definitions) {
      if (!overridden.contains(d.resolve(pluginId).id())) {
        all.add(d);
      }
    }
    all.addAll(overrides);
    return new FrontendPlugin(pluginId, all, predicate);
  }

  @Override
  public String toString() {
    return "FrontendPlugin{pluginId=" + pluginId + "}";
  }
}
