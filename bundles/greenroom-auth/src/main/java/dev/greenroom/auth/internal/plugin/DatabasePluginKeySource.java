package dev.greenroom.auth.internal.plugin;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import dev.greenroom.backend.api.services.LoggerService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code pluginKeyStore.type: database}: this replica's signing key lives in memory and is
 * replaced after one key duration; its public key goes into the plugin's database, where it stays
 * listed for three key durations ({@link DatabaseKeyStore}). The plugin's JWKS lists every live key
 * in the table, from every replica. Upstream: backend-defaults
 * src/entrypoints/auth/plugin/keys/DatabasePluginKeySource.ts.
 *
 * <p>Keys found in the table are remembered by kid until they expire, so verifying a token does
 * not read the database each time; an unknown kid reads it again (what a JWKS client does on an
 * unknown kid), except within {@link #UNKNOWN_KID_COOLDOWN} of such a read that found nothing, so
 * tokens with made-up kids cannot make a query each (jose's cooldown is 30 s); such reads run one at
 * a time. A key another replica made within that cooldown is found after it.
 */
final class DatabasePluginKeySource implements PluginKeySource {
  static final Duration UNKNOWN_KID_COOLDOWN = Duration.ofMillis(100);
  private final DatabaseKeyStore store;
  private final LoggerService logger;
  private final Duration keyDuration;
  private final Clock clock;
  private final Map<String, DatabaseKeyStore.StoredKey> known = new ConcurrentHashMap<>();
  /** When a look-up of an unknown kid last read the table and still found nothing. */
  private volatile long lastFruitlessReadNanos = System.nanoTime() - UNKNOWN_KID_COOLDOWN.toNanos();
  private ECKey signingKey;
  private Instant signingKeyExpiresAt;

  DatabasePluginKeySource(DatabaseKeyStore store, LoggerService logger, Duration keyDuration, Clock clock) {
    this.store = store;
    this.logger = logger;
    this.keyDuration = keyDuration;
    this.clock = clock;
  }

  @Override
  public synchronized JWK signingKey() {
    Instant now = clock.instant();
    if (signingKey != null && now.isBefore(signingKeyExpiresAt)) {
      return signingKey;
    }
    if (signingKey != null) {
      logger.info("Signing key has expired, generating new key");
    }
    ECKey key = MemoryPluginKeySource.generate();
    Instant publicExpiresAt = now.plus(keyDuration.multipliedBy(MemoryPluginKeySource.KEY_EXPIRATION_MARGIN_FACTOR));
    store.addKey(key.toPublicJWK(), publicExpiresAt);
    known.put(key.getKeyID(), new DatabaseKeyStore.StoredKey(key.getKeyID(), key.toPublicJWK(), publicExpiresAt));
    logger.info("Created new signing key " + key.getKeyID());
    signingKey = key;
    signingKeyExpiresAt = now.plus(keyDuration);
    return key;
  }

  @Override
  public List<JWK> publicKeys() {
    List<DatabaseKeyStore.StoredKey> keys = store.listKeys();
    known.clear();
    keys.forEach(k -> known.put(k.id(), k));
    return keys.stream().map(DatabaseKeyStore.StoredKey::key).toList();
  }

  @Override
  public Optional<JWK> publicKey(String kid) {
    DatabaseKeyStore.StoredKey cached = known.get(kid);
    if (cached != null && !cached.expiresAt().isBefore(clock.instant())) {
      return Optional.of(cached.key());
    }
    return readFor(kid);
  }

  /** One table read at a time for unknown kids, none within the cooldown after a fruitless one. */
  private synchronized Optional<JWK> readFor(String kid) {
    DatabaseKeyStore.StoredKey cached = known.get(kid);
    if (cached != null && !cached.expiresAt().isBefore(clock.instant())) {
      return Optional.of(cached.key()); // another thread's read found it
    }
    if (System.nanoTime() - lastFruitlessReadNanos < UNKNOWN_KID_COOLDOWN.toNanos()) {
      return Optional.empty();
    }
    Optional<JWK> found = publicKeys().stream().filter(k -> kid.equals(k.getKeyID())).findFirst();
    if (found.isEmpty()) {
      lastFruitlessReadNanos = System.nanoTime();
    }
    return found;
  }

  @Override
  public Duration keyDuration() {
    return keyDuration;
  }
}
