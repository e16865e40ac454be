package dev.greenroom.backend.runtime.state;

/** An extension point, its owner plugin, and the module that provides it (null: the plugin). */
public record ExtensionPointDTO(
    String id, String pluginId, String providedByModule, String type) {}
