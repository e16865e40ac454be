package dev.greenroom.backend.api.services;

/**
 * Hints about an action's effects, shown to callers and passed to MCP clients as tool annotations
 * ({@code destructiveHint}, {@code idempotentHint}, {@code readOnlyHint}). Backstage's action
 * {@code attributes}.
 *
 * @param destructive whether the action may destroy or overwrite data; by default, unless it is
 *     read-only
 * @param idempotent whether calling it again with the same input has no further effect; false by
 *     default
 * @param readOnly whether it changes nothing; false by default
 */
public record ActionAttributes(boolean destructive, boolean idempotent, boolean readOnly) {
  /** Upstream's defaults: destructive, not idempotent, not read-only. */
  public static final ActionAttributes DEFAULTS = new ActionAttributes(true, false, false);
}
