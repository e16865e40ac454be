package dev.greenroom.config.internal;

import com.fasterxml.jackson.core.JacksonException;
import dev.greenroom.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Backstage's {@code FileConfigSource} read: parse one YAML file, apply the transforms relative
 * to its folder. Errors read {@code Failed to read config file at "<path>", <why>}.
 */
public final class ConfigFileReader {
  private ConfigFileReader() {}

  /** The file as a layer (context = file name), or empty for an empty file. */
  public static Optional<ConfigLayer> read(Path file, Substitution substitution, FileAccess files) {
    Path path = file.toAbsolutePath().normalize();
    String text;
    try {
      text = files.read(path);
    } catch (FileAccess.NotFound e) {
      throw new ConfigException("Config file \"" + path + "\" does not exist", path.toString(), null, e);
    } catch (IOException e) {
      throw new ConfigException("Failed to read config file at \"" + path + "\", " + e, path.toString(), null, e);
    }
    Object parsed;
    try {
      parsed = Parsers.parseYaml(text);
    } catch (JacksonException e) {
      throw new ConfigException(
          "Failed to read config file at \"" + path + "\", invalid YAML: " + Parsers.describe(e), path.toString(), null, e);
    }
    if (parsed == null) {
      return Optional.empty();
    }
    try {
      Map<String, Object> data = new ConfigTransformer(substitution, files).transformRoot(parsed, path.getParent());
      return Optional.of(new ConfigLayer(data, path.getFileName().toString(), path));
    } catch (ConfigTransformer.TransformException e) {
      throw new ConfigException("Failed to read config file at \"" + path + "\", " + e.getMessage(), path.toString(), e.key(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Failed to read config file at \"" + path + "\", " + e.getMessage(), path.toString(), null, e);
    }
  }
}
