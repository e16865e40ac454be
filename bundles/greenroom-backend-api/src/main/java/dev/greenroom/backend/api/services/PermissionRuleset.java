package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The rules registered for one resource type, from {@link
 * PermissionsRegistryService#getPermissionRuleset}. Backstage's {@code PermissionRuleset}; {@link
 * #isAllowed} is its {@code createConditionAuthorizer(ruleset)}, for a plugin that applies a
 * conditional decision to resources it has loaded itself.
 *
 * @param <R> the resource class
 * @param <Q> the plugin's query type
 */
@ProviderType
public interface PermissionRuleset<R, Q> {
  /**
   * The rule named {@code name}.
   *
   * @throws IllegalArgumentException {@code Permission rule '<name>' does not exist for resource
   *     type '<type>'}
   */
  PermissionRule<R, Q> getRuleByName(String name);

  /**
   * Whether {@code decision} allows {@code resource}: ALLOW is true, DENY false, CONDITIONAL applies
   * the conditions with this ruleset's rules; a missing resource (null) is never allowed, so
   * callers cannot tell a missing resource from a forbidden one.
   *
   * @throws dev.greenroom.backend.api.errors.InputError {@code Parameters to rule are invalid} when
   *     a condition's params do not match its rule's schema
   */
  boolean isAllowed(QueryPermissionResponse decision, R resource);
}
