package dev.greenroom.frontend.api;

/** What a factory may know about a node of the app tree. */
public interface AppNodeInfo {
  String id();

  /** The plugin that owns the extension (modules keep their plugin's id). */
  String pluginId();
}
