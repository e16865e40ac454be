package dev.greenroom.config.internal;

import dev.greenroom.config.ConfigSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads configuration as Backstage's {@code ConfigSources.default} does: the config files in
 * order, then the {@code APP_CONFIG_*} overlay; then validates the plugin schemas. A launch
 * profile's defaults ({@link DefaultsConfig}) come first, below the files.
 */
public final class ConfigLoader {
  public static final List<String> DEFAULT_FILES = List.of("app-config.yaml", "app-config.local.yaml");

  private ConfigLoader() {}

  /** {@code explicit} resolved against {@code dir}, else the default files present in {@code dir}. */
  public static List<Path> configFiles(Path dir, List<Path> explicit) {
    if (!explicit.isEmpty()) {
      return explicit.stream().map(p -> dir.resolve(p).toAbsolutePath().normalize()).toList();
    }
    List<Path> files = new ArrayList<>();
    for (String name : DEFAULT_FILES) {
      Path p = dir.resolve(name).toAbsolutePath().normalize();
      if (Files.isRegularFile(p)) {
        files.add(p);
      }
    }
    return files;
  }

  public static LoadedConfig load(Path dir, List<Path> explicit, Map<String, String> env, List<ConfigSchema> schemas) {
    return load(dir, explicit, env, schemas, null);
  }

  /** As {@link #load(Path, List, Map, List)}, below every file the launch profile's {@code defaults} (YAML, may be null). */
  public static LoadedConfig load(Path dir, List<Path> explicit, Map<String, String> env, List<ConfigSchema> schemas,
      String defaults) {
    FileAccess files = new FileAccess();
    Substitution substitution = new Substitution(env::get);
    List<ConfigLayer> layers = new ArrayList<>();
    DefaultsConfig.read(defaults, dir.toAbsolutePath().normalize(), substitution, files).ifPresent(layers::add);
    for (Path file : configFiles(dir, explicit)) {
      ConfigFileReader.read(file, substitution, files).ifPresent(layers::add);
    }
    EnvConfig.read(env).ifPresent(layers::add);
    ConfigReader reader = ConfigReader.fromLayers(layers);
    Map<String, Object> merged = reader.mergedData();
    SchemaValidator.validate(schemas, merged, reader);
    Set<Path> watched = new LinkedHashSet<>(files.touched());
    if (explicit.isEmpty()) {
      // a default file that appears later is a change too
      DEFAULT_FILES.forEach(name -> watched.add(dir.resolve(name).toAbsolutePath().normalize()));
    }
    return new LoadedConfig(List.copyOf(layers), reader, merged, SecretCollector.collect(withCoreSecrets(schemas), merged), Set.copyOf(watched));
  }

  /** The plugin schemas and the core secret marks (which only mark, never validate). */
  private static List<ConfigSchema> withCoreSecrets(List<ConfigSchema> schemas) {
    List<ConfigSchema> all = new ArrayList<>(schemas.size() + 1);
    all.add(CoreSecretSchema.SCHEMA);
    all.addAll(schemas);
    return all;
  }
}
