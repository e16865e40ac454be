package dev.greenroom.mcp.actions.internal;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.RegistrationPoints;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Plugin {@code mcp-actions}: serves {@link McpEndpoint} at {@code /api/mcp-actions/v1}, upstream's
 * mcp-actions backend (plugins/mcp-actions-backend/src/plugin.ts). Callers need user or service
 * credentials (the default auth policy and httpAuth), as upstream. Plain Java; the OSGi component
 * adds the plugin annotation.
 */
public class McpActionsPlugin extends BackendPlugin {
  public static final String PLUGIN_ID = "mcp-actions";

  public McpActionsPlugin() {
    super(PLUGIN_ID);
  }

  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(CoreServices.LOGGER, CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH, CoreServices.ROOT_CONFIG,
        CoreServices.ACTIONS, (logger, router, httpAuth, config, actions) -> {
          McpSettings settings = McpSettings.from(config);
          ActionTools tools = new ActionTools(actions, logger, settings.namespacedToolNames());
          router.use(new McpEndpoint(httpAuth, tools, settings, serverVersion()));
        });
  }

  /** The server version reported to MCP clients: this bundle's, or 0.0.0 outside OSGi. */
  private static String serverVersion() {
    return Optional.ofNullable(FrameworkUtil.getBundle(McpActionsPlugin.class))
        .map(Bundle::getVersion)
        .map(v -> v.getMajor() + "." + v.getMinor() + "." + v.getMicro())
        .orElse("0.0.0");
  }
}
