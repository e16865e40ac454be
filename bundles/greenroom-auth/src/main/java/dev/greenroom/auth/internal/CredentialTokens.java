package dev.greenroom.auth.internal;

import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Backstage hides inside a credentials object this bundle created: the user token behind user
 * credentials, and the {@code allAccessRestrictions} (per target plugin) of a restricted external
 * caller's service credentials (backend-defaults {@code entrypoints/auth/helpers.ts}). Greenroom's
 * {@link BackstageCredentials} is a public record without them, so they are attached here instead:
 * by object identity, weakly, so they are gone with the credentials. Equal-looking credentials made
 * elsewhere carry neither.
 */
public final class CredentialTokens {
  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
  private static final Map<IdentityKey, String> TOKENS = new ConcurrentHashMap<>();
  private static final Map<IdentityKey, Map<String, BackstagePrincipalAccessRestrictions>> RESTRICTIONS =
      new ConcurrentHashMap<>();

  private CredentialTokens() {}

  /** Attaches {@code token} to {@code credentials} and returns them. */
  public static <T extends BackstageCredentials<?>> T attach(T credentials, String token) {
    purge();
    TOKENS.put(new IdentityKey(credentials, QUEUE), token);
    return credentials;
  }

  /** The token attached to {@code credentials}, or null. */
  public static String tokenOf(BackstageCredentials<?> credentials) {
    purge();
    return TOKENS.get(new IdentityKey(credentials, null));
  }

  /** Attaches the access restrictions of every plugin a restricted caller may reach. */
  public static <T extends BackstageCredentials<?>> T attachAllAccessRestrictions(
      T credentials, Map<String, BackstagePrincipalAccessRestrictions> allAccessRestrictions) {
    purge();
    RESTRICTIONS.put(new IdentityKey(credentials, QUEUE), Map.copyOf(allAccessRestrictions));
    return credentials;
  }

  /** The restrictions per plugin attached to {@code credentials}, or null. */
  public static Map<String, BackstagePrincipalAccessRestrictions> allAccessRestrictionsOf(
      BackstageCredentials<?> credentials) {
    purge();
    return RESTRICTIONS.get(new IdentityKey(credentials, null));
  }

  private static void purge() {
    for (Object ref; (ref = QUEUE.poll()) != null; ) {
      TOKENS.remove(ref);
      RESTRICTIONS.remove(ref);
    }
  }

  private static final class IdentityKey extends WeakReference<Object> {
    private final int hash;

    IdentityKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      return other instanceof IdentityKey k && k.hash == hash && k.get() != null && k.get() == get();
    }
  }
}
