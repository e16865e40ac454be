package dev.greenroom.frontend.api;

import java.util.List;

/**
 * A frontend module ({@code createFrontendModule({ pluginId, extensions, if })}): overrides
 * extensions of an installed plugin by id, or adds new ones. Ignored when its plugin is absent.
 */
public final class FrontendModule implements FrontendFeature {
  private final String pluginId;
  private final List<Extension> extensions;
  private final ExtensionPredicate predicate;

  private FrontendModule(
      String pluginId, List<ExtensionDefinition> definitions, ExtensionPredicate predicate) {
    if (pluginId == null || pluginId.isBlank()) {
      throw new IllegalArgumentException("Frontend module pluginId must not be empty");
    }
    this.pluginId = pluginId;
    this.extensions = definitions.stream().map(d -> d.resolve(pluginId)).toList();
    this.predicate = predicate;
  }

  public static FrontendModule create(String pluginId, ExtensionDefinition... extensions) {
    return new FrontendModule(pluginId, List.of(extensions), null);
  }

  public static FrontendModule create(
      String pluginId, List<ExtensionDefinition> extensions, ExtensionPredicate predicate) {
    return new FrontendModule(pluginId, extensions, predicate);
  }

  public String pluginId() {
    return pluginId;
  }

  public List<Extension> extensions() {
    return extensions;
  }

  public ExtensionPredicate predicate() {
    return predicate;
  }

  @Override
  public String toString() {
    return "FrontendModule{pluginId=" + pluginId + "}";
  }
}
