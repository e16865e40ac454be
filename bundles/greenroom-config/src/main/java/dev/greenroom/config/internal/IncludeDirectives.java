package dev.greenroom.config.internal;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Backstage's include transform: an object whose only key is {@code $file}, {@code $env} or
 * {@code $include} is replaced by what the directive names. Unlike Backstage, any other key
 * starting with {@code $} is an error ({@code unknown include $foo}) instead of being kept as data,
 * so a typo never passes silently.
 */
final class IncludeDirectives {
  private static final Set<String> KEYS = Set.of("$file", "$env", "$include");

  /** The value that replaced a directive; {@code newDir} is the included file's folder, or null. */
  record Result(Object value, Path newDir) {}

  private final Substitution substitution;
  private final FileAccess files;

  IncludeDirectives(Substitution substitution, FileAccess files) {
    this.substitution = substitution;
    this.files = files;
  }

  /** Null when {@code input} is not a directive; a Result (whose value may be null) when it is. */
  Result apply(Map<?, ?> input, Path dir) throws Exception {
    String key = directiveKey(input);
    if (key == null) {
      return null;
    }
    if (!KEYS.contains(key)) {
      throw new IllegalArgumentException("unknown include " + key);
    }
    if (input.size() != 1) {
      throw new IllegalArgumentException("include key " + key + " should not have adjacent keys");
    }
    if (!(input.get(key) instanceof String raw)) {
      throw new IllegalArgumentException(key + " include value is not a string");
    }
    String value = substitution.apply(raw);
    if (value == null) {
      throw new IllegalArgumentException(key + " substitution value was undefined");
    }
    return switch (key) {
      case "$file" -> readFile(dir, value);
      case "$env" -> new Result(substitution.env(value), null);
      default -> include(dir, value);
    };
  }

  private static String directiveKey(Map<?, ?> input) {
    for (Object k : input.keySet()) {
      if (KEYS.contains(String.valueOf(k))) {
        return String.valueOf(k);
      }
    }
    for (Object k : input.keySet()) {
      if (String.valueOf(k).startsWith("$")) {
        return String.valueOf(k);
      }
    }
    return null;
  }

  private Result readFile(Path dir, String name) {
    try {
      return new Result(files.read(dir.resolve(name)).stripTrailing(), null);
    } catch (IOException e) {
      String error = e instanceof FileAccess.NotFound ? e.toString() : "Error: " + e;
      throw new IllegalArgumentException("failed to read file " + name + ", " + error, e);
    }
  }

  private Result include(Path dir, String spec) throws IOException {
    int hash = spec.indexOf('#');
    String filePath = hash < 0 ? spec : spec.substring(0, hash);
    String dataPath = hash < 0 ? "" : spec.substring(hash + 1);
    String ext = extension(filePath);
    if (!ext.equals(".json") && !ext.equals(".yaml") && !ext.equals(".yml")) {
      throw new IllegalArgumentException("no configuration parser available for included file " + filePath);
    }
    Path path = dir.resolve(filePath).toAbsolutePath().normalize();
    String content = files.read(path);
    Path newDir = path.getParent();
    Object value;
    try {
      value = ext.equals(".json") ? Parsers.parseJson(content) : Parsers.parseYaml(content);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("failed to parse included file " + filePath + ", " + Parsers.describe(e), e);
    }
    String[] parts = dataPath.isEmpty() ? new String[0] : dataPath.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      if (!(value instanceof Map<?, ?> m)) {
        String errPath = String.join(".", java.util.Arrays.copyOfRange(parts, 0, i));
        throw new IllegalArgumentException("value at '" + errPath + "' in included file " + filePath + " is not an object");
      }
      value = m.get(parts[i]);
    }
    if (value instanceof String s) {
      value = substitution.apply(s);
    }
    return new Result(value, newDir.equals(dir.toAbsolutePath().normalize()) ? null : newDir);
  }

  private static String extension(String filePath) {
    String name = filePath.substring(filePath.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot);
  }
}
