package dev.greenroom.backend.runtime.state;

/**
 * A module of a plugin. {@code order} is its position in the last init order (0-based, -1 if it
 * has not run). {@code bundle} is null for a module of the plugin's current run whose bundle has
 * left since (briefly, until the plugin restarts without it).
 */
public record ModuleDTO(
    String pluginId,
    String moduleId,
    FeatureState state,
    String bundle,
    int order,
    String cause,
    long initMillis) {}
