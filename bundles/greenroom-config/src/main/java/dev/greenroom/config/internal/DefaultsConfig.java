package dev.greenroom.config.internal;

import com.fasterxml.jackson.core.JacksonException;
import dev.greenroom.config.ConfigException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The config a launch profile brings: YAML (or JSON) text from the framework property {@value
 * #PROPERTY}, read as the first, lowest layer, so every app-config file and {@code APP_CONFIG_*}
 * overlay wins over it. {@code runtime-postgres.bndrun} uses it to point {@code backend.database}
 * at the local PostgreSQL (docs/launch.md). Substitutions ({@code ${VAR}}) apply; file directives
 * resolve against the config folder.
 */
public final class DefaultsConfig {
  /** The framework property ({@code -D...} or a profile's {@code -runproperties}) holding the text. */
  public static final String PROPERTY = "greenroom.config.defaults";

  private DefaultsConfig() {}

  /** The text as a layer named after the property, or empty when it is unset, blank or empty YAML. */
  public static Optional<ConfigLayer> read(String text, Path dir, Substitution substitution, FileAccess files) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Object parsed;
    try {
      parsed = Parsers.parseYaml(text);
    } catch (JacksonException e) {
      throw new ConfigException(
          "Failed to read config from framework property " + PROPERTY + ", invalid YAML: " + Parsers.describe(e), PROPERTY, null, e);
    }
    if (parsed == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ConfigLayer(new ConfigTransformer(substitution, files).transformRoot(parsed, dir), PROPERTY, null));
    } catch (ConfigTransformer.TransformException e) {
      throw new ConfigException("Failed to read config from framework property " + PROPERTY + ", " + e.getMessage(), PROPERTY, e.key(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Failed to read config from framework property " + PROPERTY + ", " + e.getMessage(), PROPERTY, null, e);
    }
  }
}
