package dev.greenroom.auth.internal.external;

import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import java.util.Map;

/**
 * A matched external token.
 *
 * @param subject the caller, such as {@code external:ci}
 * @param allAccessRestrictions per plugin id, the restrictions of the entry; null when the entry
 *     has none (access to every plugin)
 */
public record ExternalTokenResult(
    String subject, Map<String, BackstagePrincipalAccessRestrictions> allAccessRestrictions) {}
