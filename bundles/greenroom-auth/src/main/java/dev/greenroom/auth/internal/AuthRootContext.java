package dev.greenroom.auth.internal;

import dev.greenroom.auth.internal.plugin.PluginKeyRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * What the core.auth instances of one backend share: the in-process plugin key registry, the
 * remote JWKS cache and the clock.
 *
 * @param keys every local plugin's signing and public keys
 * @param remoteJwks remote JWK sets (other instances' plugins, the auth backend, external issuers)
 * @param clock the time tokens are issued and checked at
 */
public record AuthRootContext(PluginKeyRegistry keys, RemoteJwks remoteJwks, Clock clock) {
  /** Backstage's key duration: a plugin signing key is used for one hour. */
  public static final Duration KEY_DURATION = Duration.ofHours(1);

  public static AuthRootContext create(Clock clock) {
    return new AuthRootContext(new PluginKeyRegistry(KEY_DURATION, clock), new RemoteJwks(), clock);
  }
}
