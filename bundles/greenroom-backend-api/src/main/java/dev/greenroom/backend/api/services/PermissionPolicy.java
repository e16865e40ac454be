package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides permission requests when {@code permission.enabled} is true. Backstage's {@code
 * PermissionPolicy} (plugins/permission-node/src/policy/types.ts). A policy module hands one to
 * plugin {@code permission} through {@link PermissionPolicyExtensionPoint#POLICY}; exactly one is
 * active, and with none every request is denied. Service principals never reach the policy
 * (Backstage's ServerPermissionClient allows them, within their access restrictions).
 */
@ConsumerType
public interface PermissionPolicy {
  /**
   * The decision for {@code request}.
   *
   * @param user the calling user, or null for a caller without credentials ({@code none})
   * @return ALLOW, DENY, or for a resource permission CONDITIONAL with conditions over the rules of
   *     the permission's resource type
   */
  QueryPermissionResponse handle(PolicyQuery request, PolicyQueryUser user) throws Exception;
}
