package dev.greenroom.backend.api.services;

import java.util.Objects;

/**
 * A service caller: another plugin or an external service. Backstage's {@code
 * BackstageServicePrincipal}.
 *
 * @param subject who the service is, such as {@code plugin:catalog} or {@code external:ci}
 * @param accessRestrictions limits on what it may do; null means no framework-level limits
 */
public record BackstageServicePrincipal(
    String subject, BackstagePrincipalAccessRestrictions accessRestrictions)
    implements BackstagePrincipal {
  public BackstageServicePrincipal {
    Objects.requireNonNull(subject, "subject");
  }

  /** An unrestricted service principal. */
  public BackstageServicePrincipal(String subject) {
    this(subject, null);
  }

  @Override
  public BackstagePrincipalType type() {
    return BackstagePrincipalType.SERVICE;
  }
}
