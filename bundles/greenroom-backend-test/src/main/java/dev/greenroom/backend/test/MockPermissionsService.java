package dev.greenroom.backend.test;

import dev.greenroom.backend.api.services.AuthorizePermissionRequest;
import dev.greenroom.backend.api.services.AuthorizePermissionResponse;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.backend.api.services.QueryPermissionRequest;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import java.util.List;

/**
 * {@code core.permissions} answering one definitive result to everything, {@code ALLOW} by default,
 * as Backstage's MockPermissionsService
 * (packages/backend-test-utils/src/services/MockPermissionsService.ts).
 */
final class MockPermissionsService implements PermissionsService {
  private final AuthorizeResult result;

  MockPermissionsService(AuthorizeResult result) {
    if (result == AuthorizeResult.CONDITIONAL) {
      throw new IllegalArgumentException("The mock permissions service answers ALLOW or DENY, not CONDITIONAL");
    }
    this.result = result;
  }

  @Override
  public List<AuthorizePermissionResponse> authorize(
      List<AuthorizePermissionRequest> requests, BackstageCredentials<?> credentials) {
    return requests.stream().map(r -> new AuthorizePermissionResponse(result)).toList();
  }

  @Override
  public List<QueryPermissionResponse> authorizeConditional(
      List<QueryPermissionRequest> requests, BackstageCredentials<?> credentials) {
    return requests.stream().map(r -> QueryPermissionResponse.definitive(result)).toList();
  }
}
