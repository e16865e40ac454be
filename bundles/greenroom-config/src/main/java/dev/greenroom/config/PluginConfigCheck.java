package dev.greenroom.config;

import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Initialization;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.ServiceRef;
import dev.greenroom.backend.api.services.RootConfigService;
import java.util.List;
import java.util.function.Function;

/**
 * Proof that a plugin's config satisfied the plugin's own schemas when the plugin started. Created
 * for every plugin ({@code initialization: always}); a violation throws from the factory, so the
 * plugin fails at startup with the schema message instead of a later typed read.
 *
 * <p>Needed because a plugin's schema can arrive after the config was loaded (in OSGi, plugin
 * bundles start later): the reload it triggers can only keep the old config and log.
 */
public interface PluginConfigCheck {
  ServiceRef<PluginConfigCheck> REF = ServiceRef.create("greenroom.configSchemaCheck", PluginConfigCheck.class);

  /** The plugin whose config was checked. */
  String pluginId();

  /** The schemas that were checked (empty when the plugin ships none). */
  List<ConfigSchema> schemas();

  /**
   * The factory: {@code schemasOf} answers the schemas a plugin id ships, asked at the plugin's
   * start. Only a {@link LiveRootConfig} can be checked (it knows which file supplied each key);
   * with another root config, the check passes.
   */
  static ServiceFactory<PluginConfigCheck> factory(Function<String, List<ConfigSchema>> schemasOf) {
    return ServiceFactory.of(REF)
        .initialization(Initialization.ALWAYS)
        .deps(CoreServices.ROOT_CONFIG, CoreServices.PLUGIN_METADATA)
        .factory(deps -> {
          String pluginId = deps.get(CoreServices.PLUGIN_METADATA).getId();
          List<ConfigSchema> schemas = List.copyOf(schemasOf.apply(pluginId));
          RootConfigService config = deps.get(CoreServices.ROOT_CONFIG);
          if (config instanceof LiveRootConfig live) {
            live.validate(schemas);
          }
          return new Checked(pluginId, schemas);
        });
  }

  /** The result of a passed check. */
  record Checked(String pluginId, List<ConfigSchema> schemas) implements PluginConfigCheck {}
}
