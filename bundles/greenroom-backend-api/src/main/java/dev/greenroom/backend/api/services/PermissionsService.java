package dev.greenroom.backend.api.services;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Asks the permission system whether a caller may act. Backstage's {@code PermissionsService}
 * ({@code core.permissions}, a {@code PermissionEvaluator}); its {@code { credentials }} options
 * object is a plain parameter here. As Backstage's ServerPermissionClient: a service principal with
 * access restrictions is decided by them; otherwise everything is allowed unless {@code
 * permission.enabled} is true, and then service principals are allowed and users (or callers
 * without credentials) are decided by the active {@link PermissionPolicy} (none: denied).
 * docs/permissions.md.
 */
@ProviderType
public interface PermissionsService {
  /**
   * Definitive decisions for {@code requests}, in the same order, for the caller {@code
   * credentials}. A conditional policy decision on a request with a {@code resourceRef} is applied
   * to that resource with the rules of the plugin that owns its type.
   */
  List<AuthorizePermissionResponse> authorize(
      List<AuthorizePermissionRequest> requests, BackstageCredentials<?> credentials);

  /**
   * Decisions for resource permissions that may be {@link AuthorizeResult#CONDITIONAL}, in the same
   * order as {@code requests}; the caller applies the conditions to filter its resources.
   */
  List<QueryPermissionResponse> authorizeConditional(
      List<QueryPermissionRequest> requests, BackstageCredentials<?> credentials);
}
