package dev.greenroom.backend.runtime.internal.defaults;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code app-config.yaml} then {@code app-config.local.yaml} (if present) from a directory,
 * or an explicit list of files, merged in order. The full config service (env substitution,
 * {@code $include}, watching) builds on this.
 */
public final class YamlConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlConfigLoader() {}

  /** The files to read: {@code explicit} if non-empty, else the defaults found in {@code dir}. */
  public static List<Path> configFiles(Path dir, List<Path> explicit) {
    if (!explicit.isEmpty()) {
      return List.copyOf(explicit);
    }
    List<Path> files = new ArrayList<>();
    for (String name : List.of("app-config.yaml", "app-config.local.yaml")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        files.add(p);
      }
    }
    return files;
  }

  public static MapConfig load(List<Path> files) {
    Map<String, Object> merged = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      merged = MapConfig.merge(merged, read(file));
      names.add(file.getFileName().toString());
    }
    return new MapConfig(merged, names.isEmpty() ? "no config files" : String.join(", ", names));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) {
    try {
      Object tree = YAML.readValue(file.toFile(), Object.class);
      if (tree == null) {
        return Map.of();
      }
      if (!(tree instanceof Map)) {
        throw new IllegalArgumentException("Config file " + file + " must contain a mapping at the top level");
      }
      return (Map<String, Object>) tree;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Invalid YAML in config file " + file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Unable to read config file " + file + ": " + e.getMessage(), e);
    }
  }
}
