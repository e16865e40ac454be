package dev.greenroom.backend.api.services;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registers a plugin's actions: typed operations with JSON schemas that other plugins and AI
 * clients (through the {@code mcp-actions} plugin's MCP endpoint) can list and invoke. Backstage's
 * {@code ActionsRegistryService} ({@code alpha.core.actionsRegistry}; upstream:
 * packages/backend-plugin-api/src/services/definitions/ActionsRegistryService.ts).
 *
 * <p>Each plugin that depends on this service serves its actions at {@code
 * /api/<pluginId>/.backstage/actions/v1/actions} (list) and {@code
 * .../actions/<id>/invoke} (invoke); see docs/actions.md.
 */
@ProviderType
public interface ActionsRegistryService {
  /**
   * Registers an action under id {@code <pluginId>:<name>}.
   *
   * @throws IllegalArgumentException {@code Action with id "<id>" is already registered}, or when a
   *     schema is not valid JSON
   */
  void register(ActionsRegistryActionOptions<?> options);
}
