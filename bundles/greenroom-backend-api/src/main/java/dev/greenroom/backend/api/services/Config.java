package dev.greenroom.backend.api.services;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to a configuration subtree. Keys are dotted paths ({@code backend.listen.port}).
 * Typed getters throw an error naming the key when a value is missing or of the wrong type.
 */
@ProviderType
public interface Config {
  boolean has(String key);

  /** The keys directly below this subtree. */
  Set<String> keys();

  /** The raw value (a String, Number, Boolean, List or Map), or empty. */
  Optional<Object> getOptional(String key);

  String getString(String key);

  Optional<String> getOptionalString(String key);

  double getNumber(String key);

  Optional<Double> getOptionalNumber(String key);

  boolean getBoolean(String key);

  Optional<Boolean> getOptionalBoolean(String key);

  Config getConfig(String key);

  Optional<Config> getOptionalConfig(String key);

  List<Config> getConfigArray(String key);

  Optional<List<Config>> getOptionalConfigArray(String key);

  List<String> getStringArray(String key);

  Optional<List<String>> getOptionalStringArray(String key);
}
