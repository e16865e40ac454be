package dev.greenroom.backend.api.services;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists and invokes actions across plugins, over HTTP, on behalf of a caller. Backstage's {@code
 * ActionsService} ({@code alpha.core.actions}; upstream:
 * packages/backend-plugin-api/src/services/definitions/ActionsService.ts and
 * packages/backend-defaults/src/alpha/entrypoints/actions/DefaultActionsService.ts): the plugins
 * asked are those listed in {@code backend.actions.pluginSources}; each is reached through
 * discovery with a plugin request token for the caller. See docs/actions.md.
 */
@ProviderType
public interface ActionsService {
  /**
   * The actions of every plugin in {@code backend.actions.pluginSources} that {@code credentials}
   * may see. A plugin that does not answer is left out with a warning ({@code Failed to fetch
   * actions from <pluginId>}), as upstream.
   */
  List<ActionsServiceAction> list(BackstageCredentials<?> credentials);

  /**
   * Invokes action {@code id} ({@code <pluginId>:<name>}) with {@code input} and returns its output
   * as a JSON value (a map, list, string, number, boolean or null).
   *
   * @throws dev.greenroom.backend.api.errors.BackstageError the error the action's plugin answered
   *     with, same name and message: {@code NotFoundError} for an unknown action, {@code
   *     InputError} for input that fails the action's schema
   * @throws IllegalArgumentException {@code Invalid action id: <id>} for an id without a plugin
   */
  Object invoke(String id, Map<String, Object> input, BackstageCredentials<?> credentials);
}
