package dev.greenroom.example.backend;

import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionAction;
import java.util.List;

/**
 * The example plugin's permissions, registered with {@code core.permissionsRegistry} and so listed
 * at {@code GET /api/example/.well-known/backstage/permissions/metadata}. With Greenroom's defaults
 * ({@code permission.enabled: false}, or the allow-all policy of the product profile) both are
 * allowed; a policy decides otherwise (docs/permissions.md).
 */
final class ExamplePermissions {
  /** Listing the examples ({@code GET /examples}). */
  static final Permission READ = Permission.basic("example.examples.read", PermissionAction.READ);

  /** Adding an example ({@code POST /examples}). */
  static final Permission CREATE = Permission.basic("example.example.create", PermissionAction.CREATE);

  static final List<Permission> ALL = List.of(READ, CREATE);

  private ExamplePermissions() {}
}
