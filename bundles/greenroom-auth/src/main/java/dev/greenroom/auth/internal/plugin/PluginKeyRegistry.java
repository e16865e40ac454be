package dev.greenroom.auth.internal.plugin;

import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key sources of all plugins of this backend instance, shared through core.auth's root
 * context: a plugin verifies a token from a plugin of the same instance without an HTTP round
 * trip to its JWKS endpoint.
 */
public final class PluginKeyRegistry {
  private final Map<String, PluginKeySource> sources = new ConcurrentHashMap<>();
  private final Duration keyDuration;
  private final Clock clock;

  public PluginKeyRegistry(Duration keyDuration, Clock clock) {
    this.keyDuration = keyDuration;
    this.clock = clock;
  }

  /** The key source of {@code pluginId}, created on first use. */
  public PluginKeySource sourceFor(String pluginId) {
    return sources.computeIfAbsent(pluginId, id -> new PluginKeySource(keyDuration, clock));
  }

  /** The public key {@code kid} of in-process plugin {@code pluginId}, if it has one. */
  public Optional<JWK> publicKey(String pluginId, String kid) {
    PluginKeySource source = sources.get(pluginId);
    if (source == null || kid == null) {
      return Optional.empty();
    }
    List<JWK> keys = source.publicKeys();
    return keys.stream().filter(k -> kid.equals(k.getKeyID())).findFirst();
  }
}
