package dev.greenroom.backend.runtime.state;

import java.util.List;

/**
 * A plugin. {@code bundle} is {@code <bsn> <version> [<id>]} or null for features added in plain
 * Java; {@code cause} is set when FAILED; times are epoch millis, -1 when not reached.
 */
public record PluginDTO(
    String pluginId,
    FeatureState state,
    String bundle,
    List<ModuleDTO> modules,
    String cause,
    long startedAt,
    long readyAt,
    long initMillis) {
  public PluginDTO {
    modules = List.copyOf(modules);
  }
}
