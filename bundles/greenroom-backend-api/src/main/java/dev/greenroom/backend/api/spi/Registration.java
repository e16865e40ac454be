package dev.greenroom.backend.api.spi;

import java.util.List;

/**
 * What one register pass of a plugin or module produced; read by the runtime. {@code type} is
 * {@code "plugin"} or {@code "module"}; {@code moduleId} is null for a plugin.
 */
public record Registration(
    String type,
    String pluginId,
    String moduleId,
    List<ExtensionPointProvision> extensionPoints,
    InitRegistration init) {
  public static final String PLUGIN = "plugin";
  public static final String MODULE = "module";

  public Registration {
    extensionPoints = List.copyOf(extensionPoints);
  }

  public boolean isModule() {
    return MODULE.equals(type);
  }
}
