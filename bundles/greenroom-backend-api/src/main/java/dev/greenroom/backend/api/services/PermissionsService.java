package dev.greenroom.backend.api.services;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Asks the permission system whether a caller may act. Backstage's {@code PermissionsService}
 * ({@code core.permissions}, a {@code PermissionEvaluator}); its {@code { credentials }} options
 * object is a plain parameter here. Allows everything unless {@code permission.enabled} is set.
 */
@ProviderType
public interface PermissionsService {
  /**
   * Definitive decisions for {@code requests}, in the same order, for the caller {@code
   * credentials}.
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
