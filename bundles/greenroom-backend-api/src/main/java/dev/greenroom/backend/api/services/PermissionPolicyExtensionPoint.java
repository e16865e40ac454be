package dev.greenroom.backend.api.services;

import dev.greenroom.backend.api.ExtensionPoint;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Plugin {@code permission}'s extension point for its policy: a policy module calls {@link
 * #setPolicy} in its init. Backstage's {@code policyExtensionPoint}
 * (plugins/permission-node/src/extensions.ts), as used by
 * plugins/permission-backend-module-allow-all-policy.
 */
@ProviderType
public interface PermissionPolicyExtensionPoint {
  /** {@code permission.policy}, provided by plugin {@code permission}. */
  ExtensionPoint<PermissionPolicyExtensionPoint> POLICY =
      ExtensionPoint.create("permission.policy", PermissionPolicyExtensionPoint.class);

  /**
   * Makes {@code policy} the one that decides.
   *
   * @throws IllegalStateException {@code Policy already set} when a second module sets one
   */
  void setPolicy(PermissionPolicy policy);
}
