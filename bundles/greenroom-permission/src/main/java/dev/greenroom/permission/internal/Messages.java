package dev.greenroom.permission.internal;

/** The permission system's messages; Backstage's wording where Backstage has one (docs/permissions.md). */
final class Messages {
  private Messages() {}

  static final String NO_POLICY =
      "No permission policy is installed and permission.enabled is true, so every permission request is denied. "
          + "Install a policy module of plugin 'permission' (greenroom-permission-policy-allow-all allows all requests)";

  static String nonResourceConditional(String permission) {
    return "Conditional decision returned from permission policy for non-resource permission " + permission;
  }

  static String invalidConditions(String permission) {
    return "Invalid resource conditions returned from permission policy for permission " + permission;
  }

  static String ruleMissing(String rule, String resourceType) {
    return "Permission rule '" + rule + "' does not exist for resource type '" + resourceType + "'";
  }

  static String noResources(String resourceType) {
    return "This plugin does not expose any permission rule or can't evaluate the conditions request for " + resourceType;
  }

  static String needsResourceRef(String permission) {
    return "The policy returned a conditional decision for resource permission '" + permission
        + "': authorize it with a resourceRef, or use authorizeConditional";
  }

  static String noOwner(String pluginId, String resourceType, String permission) {
    return "Cannot apply the conditions of permission '" + permission + "': plugin '" + pluginId
        + "' has not registered resource type '" + resourceType + "' in this backend";
  }
}
