package dev.greenroom.backend.api;

import java.util.regex.Pattern;

/**
 * Plugin and module id rules (Backstage 1.7+): ids match {@link #ID_PATTERN}; ids that only match
 * the legacy pattern (which also allows {@code _}) are accepted with a deprecation warning.
 */
public final class FeatureIds {
  public static final String ID_PATTERN = "^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$";
  public static final String LEGACY_ID_PATTERN = "^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$";

  private static final Pattern ID = Pattern.compile(ID_PATTERN, Pattern.CASE_INSENSITIVE);
  private static final Pattern LEGACY = Pattern.compile(LEGACY_ID_PATTERN, Pattern.CASE_INSENSITIVE);
  private static final String PATTERN_HINT =
      "must match the pattern /" + ID_PATTERN + "/i (letters, digits, and dashes only, starting with a letter)";
  private static final System.Logger LOG = System.getLogger(FeatureIds.class.getName());

  private FeatureIds() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static void validatePluginId(String pluginId) {
    if (isValid(pluginId)) {
      return;
    }
    if (pluginId != null && LEGACY.matcher(pluginId).matches()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Plugin ID '" + pluginId + "' is deprecated, it " + PATTERN_HINT);
      return;
    }
    throw new IllegalArgumentException("Invalid pluginId '" + pluginId + "', " + PATTERN_HINT);
  }

  public static void validateModuleId(String pluginId, String moduleId) {
    if (isValid(moduleId)) {
      return;
    }
    if (moduleId != null && LEGACY.matcher(moduleId).matches()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Module ID '" + moduleId + "' for plugin '" + pluginId + "' is deprecated, it " + PATTERN_HINT);
      return;
    }
    throw new IllegalArgumentException(
        "Invalid moduleId '" + moduleId + "' for plugin '" + pluginId + "', " + PATTERN_HINT);
  }
}
