package dev.greenroom.auth.internal.plugin;

import com.nimbusds.jose.jwk.JWK;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where one plugin's service-token keys come from: Backstage's {@code PluginKeySource}
 * (backend-defaults src/entrypoints/auth/plugin/keys). {@code memory} (Greenroom's per-instance
 * store), {@code database} (public keys in a table every replica reads) or {@code static} (key
 * files from config).
 */
public interface PluginKeySource {
  /** The private key new tokens are signed with; its {@code kid} and {@code alg} are set. */
  JWK signingKey();

  /** The public keys tokens of this plugin may be signed with now, for its JWKS endpoint. */
  List<JWK> publicKeys();

  /** The public key {@code kid}, if it is live. */
  default Optional<JWK> publicKey(String kid) {
    return publicKeys().stream().filter(k -> kid.equals(k.getKeyID())).findFirst();
  }

  /** How long one signing key is used, and so how long a service token lives at most. */
  Duration keyDuration();
}
