package ${package}.node;

import dev.greenroom.backend.api.ExtensionPoint;

/** Refs to the extension points of the {@code ${pluginId}} plugin. */
public final class ${pluginName}ExtensionPoints {
  private ${pluginName}ExtensionPoints() {}

  /**
   * {@code ${pluginId}.validators}: provided by the {@code ${pluginId}} plugin; its modules add
   * validators in their init, and the plugin applies them to every new item.
   */
  public static final ExtensionPoint<${pluginName}ValidatorsExtensionPoint> VALIDATORS =
      ExtensionPoint.create("${pluginId}.validators", ${pluginName}ValidatorsExtensionPoint.class);
}
