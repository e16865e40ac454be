package dev.greenroom.auth.internal.plugin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One plugin's service-token keys, in memory ({@code pluginKeyStore.type: memory}): an ES256
 * signing key used for {@code keyDuration}, then replaced; each public key stays listed for three
 * key durations so that tokens signed at the end of a key's life (valid for one more key duration)
 * still verify. Mirrors Backstage's DatabasePluginKeySource, without the database: keys live and
 * die with this instance.
 */
public final class MemoryPluginKeySource implements PluginKeySource {
  /** Backstage's KEY_EXPIRATION_MARGIN_FACTOR. */
  static final int KEY_EXPIRATION_MARGIN_FACTOR = 3;

  private record PublicKey(JWK key, Instant expiresAt) {}

  private final Duration keyDuration;
  private final Clock clock;
  private final List<PublicKey> publicKeys = new ArrayList<>();
  private ECKey signingKey;
  private Instant signingKeyExpiresAt;

  public MemoryPluginKeySource(Duration keyDuration, Clock clock) {
    this.keyDuration = keyDuration;
    this.clock = clock;
  }

  /** The key to sign new tokens with, generating (rotating) it when the current one is too old. */
  @Override
  public synchronized ECKey signingKey() {
    Instant now = clock.instant();
    if (signingKey == null || !now.isBefore(signingKeyExpiresAt)) {
      signingKey = generate();
      signingKeyExpiresAt = now.plus(keyDuration);
      publicKeys.add(
          new PublicKey(
              signingKey.toPublicJWK(), now.plus(keyDuration.multipliedBy(KEY_EXPIRATION_MARGIN_FACTOR))));
    }
    return signingKey;
  }

  /** The public keys that tokens of this plugin may still be signed with, oldest first. */
  @Override
  public synchronized List<JWK> publicKeys() {
    Instant now = clock.instant();
    publicKeys.removeIf(k -> !now.isBefore(k.expiresAt()));
    return publicKeys.stream().map(PublicKey::key).toList();
  }

  /** How long one signing key is used, and so how long a service token lives at most. */
  @Override
  public Duration keyDuration() {
    return keyDuration;
  }

  static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(UUID.randomUUID().toString())
          .algorithm(JWSAlgorithm.ES256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Failed to generate a service token signing key", e);
    }
  }
}
