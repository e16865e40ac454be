package dev.greenroom.auth.internal.plugin;

import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.DatabaseService;
import dev.greenroom.backend.api.services.LoggerService;
import java.time.Clock;

/**
 * Picks a plugin's key source from {@code backend.auth.pluginKeyStore}, as Backstage's
 * createPluginKeySource (backend-defaults src/entrypoints/auth/plugin/keys/createPluginKeySource.ts):
 *
 * <ul>
 *   <li>{@code database}: the default when {@code backend.database} is configured (and core.auth
 *       has core.database, as in the OSGi runtime): public keys in the plugin's database;
 *   <li>{@code static}: key files from config;
 *   <li>{@code memory} (Greenroom): per-instance keys; the default without a database config.
 * </ul>
 */
public final class PluginKeySources {
  static final String CONFIG_ROOT_KEY = "backend.auth.pluginKeyStore";
  static final String TYPE_KEY = CONFIG_ROOT_KEY + ".type";

  private PluginKeySources() {}

  /**
   * The key source of {@code pluginId}.
   *
   * @param database the plugin's database, or null when core.auth was built without core.database
   * @throws PluginKeyStoreConfigError naming the key (and file) when the config is invalid
   */
  public static PluginKeySource create(
      Config config, String pluginId, DatabaseService database, PluginKeyRegistry registry, LoggerService logger,
      Clock clock) {
    String type = type(config, database != null);
    return switch (type) {
      case "memory" -> registry.memorySourceFor(pluginId);
      case "static" -> StaticPluginKeySource.read(config, registry.keyDuration());
      case "database" -> {
        if (database == null) {
          throw new PluginKeyStoreConfigError(
              "The 'database' key store needs core.database, which this core.auth factory does not use; build it "
                  + "with AuthServiceFactories.auth(clock, true), or choose 'static' or 'memory'", TYPE_KEY);
        }
        yield new DatabasePluginKeySource(
            new DatabaseKeyStore(database::getClient, database.migrations().skip(), logger, clock),
            logger, registry.keyDuration(), clock);
      }
      default -> throw new PluginKeyStoreConfigError(
          "Unsupported config value " + TYPE_KEY + " '" + type + "'; expected one of 'database', 'static', 'memory'",
          TYPE_KEY);
    };
  }

  /** The configured type, or the default: database when one is configured and available. */
  static String type(Config config, boolean databaseAvailable) {
    return config.getOptionalString(TYPE_KEY)
        .orElse(databaseAvailable && config.getOptional("backend.database").isPresent() ? "database" : "memory");
  }
}
