package dev.greenroom.backend.api.services;

/**
 * Who is making a call: a {@link BackstageUserPrincipal user}, a {@link BackstageServicePrincipal
 * service} (another plugin or an external caller) or {@link BackstageNonePrincipal nobody}.
 * Backstage's principal types, discriminated by their {@code type} field; in Java, match on the
 * record type.
 */
public sealed interface BackstagePrincipal
    permits BackstageUserPrincipal, BackstageServicePrincipal, BackstageNonePrincipal {
  /** The principal's kind, as named in Backstage. */
  BackstagePrincipalType type();
}
