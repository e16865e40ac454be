package dev.greenroom.auth.internal;

import dev.greenroom.backend.api.services.BackstageCredentials;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user token behind each user credentials object this bundle created. Backstage hides the
 * token inside the credentials object; Greenroom's {@link BackstageCredentials} is a public
 * record without one, so the token is attached here instead: by object identity, weakly, so it is
 * gone with the credentials. Equal-looking credentials made elsewhere carry no token.
 */
public final class CredentialTokens {
  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
  private static final Map<IdentityKey, String> TOKENS = new ConcurrentHashMap<>();

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

  private static void purge() {
    for (Object ref; (ref = QUEUE.poll()) != null; ) {
      TOKENS.remove(ref);
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
