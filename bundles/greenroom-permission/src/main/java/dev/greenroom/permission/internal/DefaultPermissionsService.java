package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.services.AuthorizePermissionRequest;
import dev.greenroom.backend.api.services.AuthorizePermissionResponse;
import dev.greenroom.backend.api.services.AuthorizeResult;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.backend.api.services.QueryPermissionRequest;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** core.permissions for one plugin, on the shared {@link PermissionEvaluator}. */
public final class DefaultPermissionsService implements PermissionsService {
  private final PermissionEvaluator evaluator;

  public DefaultPermissionsService(PermissionEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  @Override
  public List<AuthorizePermissionResponse> authorize(
      List<AuthorizePermissionRequest> requests, BackstageCredentials<?> credentials) {
    Objects.requireNonNull(credentials, "credentials");
    List<QueryPermissionResponse> decisions =
        evaluator.decide(requests.stream().map(AuthorizePermissionRequest::permission).toList(), credentials);
    List<AuthorizePermissionResponse> out = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      AuthorizePermissionRequest request = requests.get(i);
      QueryPermissionResponse decision = decisions.get(i);
      if (decision.result() != AuthorizeResult.CONDITIONAL) {
        out.add(new AuthorizePermissionResponse(decision.result()));
      } else if (request.resourceRef() == null) {
        throw new IllegalArgumentException(Messages.needsResourceRef(request.permission().name()));
      } else {
        out.add(new AuthorizePermissionResponse(
            evaluator.applyConditions(request.permission(), decision, request.resourceRef())));
      }
    }
    return out;
  }

  @Override
  public List<QueryPermissionResponse> authorizeConditional(
      List<QueryPermissionRequest> requests, BackstageCredentials<?> credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return evaluator.decide(requests.stream().map(QueryPermissionRequest::permission).toList(), credentials);
  }
}
