package dev.greenroom.auth.internal.external;

import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.PermissionAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads an entry's {@code accessRestrictions} as Backstage's external/helpers.ts does. */
final class AccessRestrictionsReader {
  private static final List<String> VALID_KEYS = List.of("plugin", "permission", "permissionAttribute");
  private static final List<String> VALID_ATTRIBUTE_KEYS = List.of("action");
  private static final List<String> VALID_ACTIONS = List.of("create", "read", "update", "delete");

  private AccessRestrictionsReader() {}

  /**
   * Restrictions by plugin id, or null when the entry has none.
   *
   * @param entryKey the entry's full key, for errors ({@code backend.auth.externalAccess[0]})
   */
  static Map<String, BackstagePrincipalAccessRestrictions> read(Config entry, String entryKey) {
    List<Config> configs = entry.getOptionalConfigArray("accessRestrictions").orElse(List.of());
    Map<String, BackstagePrincipalAccessRestrictions> result = new LinkedHashMap<>();
    for (int i = 0; i < configs.size(); i++) {
      Config config = configs.get(i);
      String key = entryKey + ".accessRestrictions[" + i + "]";
      for (String k : config.keys()) {
        if (!VALID_KEYS.contains(k)) {
          throw new ExternalAccessConfigError(
              "Invalid key '" + k + "' in 'accessRestrictions' config, expected one of " + quoted(VALID_KEYS),
              key);
        }
      }
      String pluginId = config.getString("plugin");
      List<String> permissionNames = readStringOrStringArray(config, "permission", null, key);
      List<PermissionAction> actions = readPermissionActions(config, key);
      if (result.containsKey(pluginId)) {
        throw new ExternalAccessConfigError(
            "Attempted to declare 'accessRestrictions' twice for plugin '" + pluginId + "', which is not permitted",
            key);
      }
      result.put(pluginId, new BackstagePrincipalAccessRestrictions(permissionNames, actions));
    }
    return result.isEmpty() ? null : result;
  }

  /**
   * A string or string array, split on commas and spaces, deduplicated; null when absent or empty.
   */
  static List<String> readStringOrStringArray(Config root, String key, List<String> validValues, String parentKey) {
    Optional<Object> raw = root.getOptional(key);
    if (raw.isEmpty()) {
      return null;
    }
    List<String> rawValues = raw.get() instanceof List<?> ? root.getStringArray(key) : List.of(root.getString(key));
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (String v : rawValues) {
      Arrays.stream(v.split("[ ,]")).filter(s -> !s.isEmpty()).forEach(values::add);
    }
    if (values.isEmpty()) {
      return null;
    }
    if (validValues != null) {
      for (String value : values) {
        if (!validValues.contains(value)) {
          throw new ExternalAccessConfigError(
              "Invalid value '" + value + "' at '" + key + "' in 'permissionAttributes' config, valid values are "
                  + quoted(validValues),
              parentKey + "." + key);
        }
      }
    }
    return new ArrayList<>(values);
  }

  private static List<PermissionAction> readPermissionActions(Config entry, String key) {
    Optional<Config> config = entry.getOptionalConfig("permissionAttribute");
    if (config.isEmpty()) {
      return null;
    }
    String attributeKey = key + ".permissionAttribute";
    for (String k : config.get().keys()) {
      if (!VALID_ATTRIBUTE_KEYS.contains(k)) {
        throw new ExternalAccessConfigError(
            "Invalid key '" + k + "' in 'permissionAttribute' config, expected " + quoted(VALID_ATTRIBUTE_KEYS),
            attributeKey);
      }
    }
    List<String> actions = readStringOrStringArray(config.get(), "action", VALID_ACTIONS, attributeKey);
    if (actions == null) {
      return null;
    }
    return actions.stream().map(a -> PermissionAction.valueOf(a.toUpperCase(java.util.Locale.ROOT))).toList();
  }

  static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }
}
