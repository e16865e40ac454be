package dev.greenroom.backend.runtime.internal.live;

import java.util.List;

/**
 * The outcome of one (re)start of one plugin: its error (null on success) and its modules'
 * outcomes in completion order.
 */
public record PluginRun(String pluginId, Throwable error, long initMillis, List<ModuleRun> modules) {
  public PluginRun {
    modules = List.copyOf(modules);
  }

  /** One module's outcome; {@code order} is its completion index. */
  public record ModuleRun(String moduleId, Throwable error, int order, long initMillis) {}
}
