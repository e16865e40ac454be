package dev.greenroom.config.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One successful load: the layers, the reader over them, the merged tree, the secrets, the files to watch. */
public record LoadedConfig(
    List<ConfigLayer> layers, ConfigReader reader, Map<String, Object> merged, Set<String> secrets, Set<Path> watched) {}
