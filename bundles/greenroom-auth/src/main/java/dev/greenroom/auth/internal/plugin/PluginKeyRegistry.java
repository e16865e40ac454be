package dev.greenroom.auth.internal.plugin;

import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key sources of all plugins of this backend instance, shared through core.auth's root
 * context: a plugin verifies a token from a plugin of the same instance without an HTTP round
 * trip to its JWKS endpoint. With the {@code database} store, the issuer's source reads the
 * plugin's key table, so a token signed by another replica of the issuer verifies here too.
 */
public final class PluginKeyRegistry {
  private final Map<String, PluginKeySource> sources = new ConcurrentHashMap<>();
  private final Map<String, MemoryPluginKeySource> memorySources = new ConcurrentHashMap<>();
  private final Duration keyDuration;
  private final Clock clock;

  public PluginKeyRegistry(Duration keyDuration, Clock clock) {
    this.keyDuration = keyDuration;
    this.clock = clock;
  }

  /** Backstage's key duration: how long one signing key is used. */
  public Duration keyDuration() {
    return keyDuration;
  }

  /** The in-memory key source of {@code pluginId}, created on first use and kept across restarts. */
  MemoryPluginKeySource memorySourceFor(String pluginId) {
    return memorySources.computeIfAbsent(pluginId, id -> new MemoryPluginKeySource(keyDuration, clock));
  }

  /** Makes {@code source} the key source of {@code pluginId} (a restarted plugin replaces its own). */
  public void register(String pluginId, PluginKeySource source) {
    sources.put(pluginId, source);
  }

  /** The public key {@code kid} of in-process plugin {@code pluginId}, if it has one. */
  public Optional<JWK> publicKey(String pluginId, String kid) {
    PluginKeySource source = sources.get(pluginId);
    if (source == null || kid == null) {
      return Optional.empty();
    }
    return source.publicKey(kid);
  }
}
