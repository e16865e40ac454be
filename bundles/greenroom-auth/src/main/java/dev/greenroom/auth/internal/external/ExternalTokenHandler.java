package dev.greenroom.auth.internal.external;

import dev.greenroom.auth.internal.RemoteJwks;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.BackstagePrincipalAccessRestrictions;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.LoggerService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * All external caller tokens of one plugin: {@code backend.auth.externalAccess} entries (and the
 * deprecated {@code backend.auth.keys}), validated when the plugin's core.auth is created.
 * Backstage's ExternalTokenHandler.
 */
public final class ExternalTokenHandler {
  static final String NEW_CONFIG_KEY = "backend.auth.externalAccess";
  static final String OLD_CONFIG_KEY = "backend.auth.keys";
  private static final List<String> TYPES = List.of("static", "legacy", "jwks");
  private static final AtomicBoolean LOGGED_DEPRECATION_WARNING = new AtomicBoolean();

  /**
   * A verified external caller; {@code accessRestrictions} (for this plugin) and {@code
   * allAccessRestrictions} (per plugin id) are null when the caller is unrestricted.
   */
  public record Result(
      String subject,
      BackstagePrincipalAccessRestrictions accessRestrictions,
      Map<String, BackstagePrincipalAccessRestrictions> allAccessRestrictions) {}

  private final String ownPluginId;
  private final List<TokenHandler> handlers;

  private ExternalTokenHandler(String ownPluginId, List<TokenHandler> handlers) {
    this.ownPluginId = ownPluginId;
    this.handlers = handlers;
  }

  /**
   * Reads and validates the config.
   *
   * @throws ExternalAccessConfigError (or the config's own error naming the key) when invalid
   */
  public static ExternalTokenHandler create(
      String ownPluginId, Config config, LoggerService logger, RemoteJwks remoteJwks, Clock clock) {
    StaticTokenHandler staticHandler = new StaticTokenHandler();
    LegacyTokenHandler legacyHandler = new LegacyTokenHandler(clock);
    JwksTokenHandler jwksHandler = new JwksTokenHandler(remoteJwks, clock);
    List<TokenHandler> configured = new ArrayList<>();

    List<Config> entries = config.getOptionalConfigArray(NEW_CONFIG_KEY).orElse(List.of());
    for (int i = 0; i < entries.size(); i++) {
      Config entry = entries.get(i);
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
    }

    List<Config> legacyConfigs = config.getOptionalConfigArray(OLD_CONFIG_KEY).orElse(List.of());
    if (!legacyConfigs.isEmpty() && LOGGED_DEPRECATION_WARNING.compareAndSet(false, true)) {
      logger.warn(
          "DEPRECATION WARNING: The " + OLD_CONFIG_KEY + " config has been replaced by " + NEW_CONFIG_KEY
              + ", see https://backstage.io/docs/auth/service-to-service-auth");
    }
    for (int i = 0; i < legacyConfigs.size(); i++) {
      legacyHandler.addOld(legacyConfigs.get(i), OLD_CONFIG_KEY + "[" + i + "]");
    }
    if (!legacyConfigs.isEmpty() && !configured.contains(legacyHandler)) {
      configured.add(legacyHandler);
    }
    return new ExternalTokenHandler(ownPluginId, List.copyOf(configured));
  }

  /**
   * The external caller of {@code token}, or null if no entry matches.
   *
   * @throws NotAllowedError if the token's entry restricts it to other plugins
   */
  public Result verifyToken(String token) {
    for (TokenHandler handler : handlers) {
      ExternalTokenResult result = handler.verifyToken(token);
      if (result == null) {
        continue;
      }
      Map<String, BackstagePrincipalAccessRestrictions> all = result.allAccessRestrictions();
      if (all == null) {
        return new Result(result.subject(), null, null);
      }
      BackstagePrincipalAccessRestrictions own = all.get(ownPluginId);
      if (own == null) {
        throw new NotAllowedError(
            "This token's access is restricted to plugin(s) "
                + AccessRestrictionsReader.quoted(List.copyOf(all.keySet())));
      }
      return new Result(result.subject(), own, all);
    }
    return null;
  }
}
