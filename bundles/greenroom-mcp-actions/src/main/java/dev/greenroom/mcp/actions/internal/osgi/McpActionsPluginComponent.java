package dev.greenroom.mcp.actions.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.mcp.actions.internal.McpActionsPlugin;
import org.osgi.service.component.annotations.Component;

/** Registers plugin {@code mcp-actions}. */
@GreenroomPlugin(id = McpActionsPlugin.PLUGIN_ID)
@Component(service = BackendFeature.class)
public class McpActionsPluginComponent extends McpActionsPlugin {}
