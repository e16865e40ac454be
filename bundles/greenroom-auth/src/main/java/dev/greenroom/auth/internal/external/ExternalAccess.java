package dev.greenroom.auth.internal.external;

import dev.greenroom.auth.internal.RemoteJwks;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.LoggerService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One validated reading of {@code backend.auth.externalAccess} (and the deprecated {@code
 * backend.auth.keys}): the token handlers in config order, and a description of each entry that
 * names it without its secret. Immutable; a config change makes a new one. Backstage's
 * ExternalAuthTokenHandler.create (backend-defaults src/entrypoints/auth/external).
 */
public final class ExternalAccess {
  static final String NEW_CONFIG_KEY = "backend.auth.externalAccess";
  static final String OLD_CONFIG_KEY = "backend.auth.keys";
  private static final List<String> TYPES = List.of("static", "legacy", "jwks");
  private static final AtomicBoolean LOGGED_DEPRECATION_WARNING = new AtomicBoolean();

  /**
   * An entry as operators see it in the log: {@code label} names it without its secret ({@code
   * static subject 'ci'}); {@code fingerprint} is a digest of the whole entry, to tell a changed
   * entry from an unchanged one without keeping or showing the secret.
   */
  public record Entry(String label, String fingerprint) {}

  private final List<TokenHandler> handlers;
  private final List<Entry> entries;

  private ExternalAccess(List<TokenHandler> handlers, List<Entry> entries) {
    this.handlers = handlers;
    this.entries = entries;
  }

  static final ExternalAccess NONE = new ExternalAccess(List.of(), List.of());

  /**
   * Reads and validates the config.
   *
   * @throws ExternalAccessConfigError (or the config's own error naming the key) when invalid
   */
  public static ExternalAccess read(Config config, LoggerService logger, RemoteJwks remoteJwks, Clock clock) {
    StaticTokenHandler staticHandler = new StaticTokenHandler();
    LegacyTokenHandler legacyHandler = new LegacyTokenHandler(clock);
    JwksTokenHandler jwksHandler = new JwksTokenHandler(remoteJwks, clock);
    List<TokenHandler> configured = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();

    List<Config> configs = config.getOptionalConfigArray(NEW_CONFIG_KEY).orElse(List.of());
    List<?> raw = rawList(config, NEW_CONFIG_KEY);
    for (int i = 0; i < configs.size(); i++) {
      Config entry = configs.get(i);
      String entryKey = NEW_CONFIG_KEY + "[" + i + "]";
      String type = entry.getString("type");
      TokenHandler handler =
          switch (type) {
            case "static" -> staticHandler.add(entry, entryKey);
            case "legacy" -> legacyHandler.add(entry, entryKey);
            case "jwks" -> jwksHandler.add(entry, entryKey);
            default -> throw new ExternalAccessConfigError(
                "Unknown type '" + type + "' in " + NEW_CONFIG_KEY + ", expected one of "
                    + AccessRestrictionsReader.quoted(TYPES),
                entryKey + ".type");
          };
      if (!configured.contains(handler)) {
        configured.add(handler);
      }
      String label =
          "jwks".equals(type)
              ? "jwks url '" + entry.getString("options.url") + "'"
              : type + " subject '" + entry.getString("options.subject") + "'";
      entries.add(new Entry(label, fingerprint(raw.size() > i ? raw.get(i) : entryKey)));
    }

    List<Config> legacyConfigs = config.getOptionalConfigArray(OLD_CONFIG_KEY).orElse(List.of());
    if (!legacyConfigs.isEmpty() && LOGGED_DEPRECATION_WARNING.compareAndSet(false, true)) {
      logger.warn(
          "DEPRECATION WARNING: The " + OLD_CONFIG_KEY + " config has been replaced by " + NEW_CONFIG_KEY
              + ", see https://backstage.io/docs/auth/service-to-service-auth");
    }
    List<?> rawOld = rawList(config, OLD_CONFIG_KEY);
    for (int i = 0; i < legacyConfigs.size(); i++) {
      String entryKey = OLD_CONFIG_KEY + "[" + i + "]";
      legacyHandler.addOld(legacyConfigs.get(i), entryKey);
      entries.add(new Entry(entryKey, fingerprint(rawOld.size() > i ? rawOld.get(i) : entryKey)));
    }
    if (!legacyConfigs.isEmpty() && !configured.contains(legacyHandler)) {
      configured.add(legacyHandler);
    }
    return new ExternalAccess(List.copyOf(configured), List.copyOf(entries));
  }

  /** The handlers, in the order of the first entry of each type. */
  List<TokenHandler> handlers() {
    return handlers;
  }

  /** The entries, in config order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The raw value at {@code key} (what a change is detected on), or null. */
  static Object raw(Config config, String key) {
    return config.getOptional(key).orElse(null);
  }

  private static List<?> rawList(Config config, String key) {
    return raw(config, key) instanceof List<?> list ? list : List.of();
  }

  private static String fingerprint(Object raw) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(String.valueOf(raw).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
