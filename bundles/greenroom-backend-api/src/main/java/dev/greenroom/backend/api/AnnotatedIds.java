package dev.greenroom.backend.api;

import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;

/**
 * Reads a feature's ids from the bundle annotation on its class, so that an id is written once:
 * the same annotation puts the capability in the manifest (bnd) and names the feature at runtime.
 */
final class AnnotatedIds {
  private AnnotatedIds() {}

  static String pluginId(Class<?> type) {
    GreenroomPlugin ids = type.getAnnotation(GreenroomPlugin.class);
    if (ids == null) {
      throw new IllegalStateException(
          type.getName() + " extends BackendPlugin without @GreenroomPlugin(id = \"...\"): annotate it, "
              + "or pass the id to BackendPlugin(String)");
    }
    FeatureIds.validatePluginId(ids.id());
    return ids.id();
  }

  static GreenroomModule module(Class<?> type) {
    GreenroomModule ids = type.getAnnotation(GreenroomModule.class);
    if (ids == null) {
      throw new IllegalStateException(
          type.getName() + " extends BackendModule without @GreenroomModule(pluginId = \"...\", "
              + "moduleId = \"...\"): annotate it, or pass the ids to BackendModule(String, String)");
    }
    FeatureIds.validatePluginId(ids.pluginId());
    FeatureIds.validateModuleId(ids.pluginId(), ids.moduleId());
    return ids;
  }
}
