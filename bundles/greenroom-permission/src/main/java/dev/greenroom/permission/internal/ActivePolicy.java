package dev.greenroom.permission.internal;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.PermissionPolicy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one policy that decides, set by plugin {@code permission} from its policy module. With none,
 * requests are denied (fail closed) and that is logged once, until a policy comes.
 */
public final class ActivePolicy {
  private volatile PermissionPolicy policy;
  private final AtomicBoolean missingLogged = new AtomicBoolean();

  /** Makes {@code next} the active policy. */
  public synchronized void set(PermissionPolicy next) {
    policy = next;
    missingLogged.set(false);
  }

  /** Withdraws {@code current} if it is still the active one (a restart may have replaced it). */
  public synchronized void clear(PermissionPolicy current) {
    if (policy == current) {
      policy = null;
    }
  }

  /** The active policy, or null; logs the first miss. */
  PermissionPolicy get(LoggerService logger) {
    PermissionPolicy current = policy;
    if (current == null && missingLogged.compareAndSet(false, true)) {
      logger.warn(Messages.NO_POLICY);
    }
    return current;
  }

  /** The active policy, or null, without logging. */
  public PermissionPolicy peek() {
    return policy;
  }
}
