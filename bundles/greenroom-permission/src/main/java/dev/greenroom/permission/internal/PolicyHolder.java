package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.services.PermissionPolicy;
import dev.greenroom.backend.api.services.PermissionPolicyExtensionPoint;
import java.util.Objects;

/** Plugin {@code permission}'s {@code permission.policy} extension point, one per start. */
final class PolicyHolder implements PermissionPolicyExtensionPoint {
  private volatile PermissionPolicy policy;

  @Override
  public synchronized void setPolicy(PermissionPolicy next) {
    Objects.requireNonNull(next, "policy");
    if (policy != null) {
      throw new IllegalStateException("Policy already set");
    }
    policy = next;
  }

  PermissionPolicy policy() {
    return policy;
  }
}
