package dev.greenroom.auth.internal;

import dev.greenroom.auth.internal.external.LiveExternalAccess;
import dev.greenroom.auth.internal.plugin.PluginKeyRegistry;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootLifecycleService;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;

/**
 * What the core.auth instances of one backend share: the in-process plugin key registry, the
 * remote JWKS cache, the live external access entries and the clock.
 *
 * @param keys every local plugin's key source
 * @param remoteJwks remote JWK sets (other instances' plugins, the auth backend, external issuers)
 * @param externalAccess {@code backend.auth.externalAccess}, following config changes
 * @param clock the time tokens are issued and checked at
 */
public record AuthRootContext(
    PluginKeyRegistry keys, RemoteJwks remoteJwks, LiveExternalAccess externalAccess, Clock clock) {
  /** Backstage's key duration: a plugin signing key is used for one hour. */
  public static final Duration KEY_DURATION = Duration.ofHours(1);

  /**
   * The root context of a backend. It follows root config changes (a subscription, closed at root
   * shutdown) so that a change of the external access entries is applied and logged at once.
   */
  public static AuthRootContext create(
      Clock clock, RootConfigService config, LoggerService rootLogger, RootLifecycleService rootLifecycle) {
    RemoteJwks remoteJwks = new RemoteJwks();
    LiveExternalAccess externalAccess = new LiveExternalAccess(config, rootLogger, remoteJwks, clock);
    AuthRootContext context =
        new AuthRootContext(new PluginKeyRegistry(KEY_DURATION, clock), remoteJwks, externalAccess, clock);
    Subscription subscription = new Subscription(externalAccess);
    subscription.handle = config.subscribe(subscription);
    if (rootLifecycle != null) {
      rootLifecycle.addShutdownHook(subscription::close);
    }
    return context;
  }

  /**
   * Refreshes the entries on a config change. Holds them weakly: a root context the runtime dropped
   * (its factory or a dependency was replaced) ends its own subscription at the next change.
   */
  private static final class Subscription implements Runnable {
    private final WeakReference<LiveExternalAccess> target;
    private volatile AutoCloseable handle;

    Subscription(LiveExternalAccess target) {
      this.target = new WeakReference<>(target);
    }

    @Override
    public void run() {
      LiveExternalAccess access = target.get();
      if (access == null) {
        close();
        return;
      }
      access.refresh();
    }

    void close() {
      AutoCloseable h = handle;
      handle = null;
      if (h != null) {
        try {
          h.close();
        } catch (Exception ignored) {
          // nothing to release
        }
      }
    }
  }
}
