package dev.greenroom.actions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.ActionsRegistryActionContext;
import dev.greenroom.backend.api.services.ActionsRegistryActionFunction;
import dev.greenroom.backend.api.services.ActionsRegistryActionOptions;
import dev.greenroom.backend.api.services.ActionsRegistryService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstagePrincipal;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.LoggerService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One plugin's actions: registration, the list route's entries and invocation with upstream's
 * checks and messages (packages/backend-defaults/src/alpha/entrypoints/actionsRegistry/
 * DefaultActionsRegistryService.ts): anonymous callers refused, unknown ids 404, input and output
 * checked against the action's schemas.
 */
public final class DefaultActionsRegistry implements ActionsRegistryService {
  private final String pluginId;
  private final LoggerService logger;
  private final Map<String, RegisteredAction> actions = new LinkedHashMap<>();

  public DefaultActionsRegistry(String pluginId, LoggerService logger) {
    this.pluginId = pluginId;
    this.logger = logger;
  }

  @Override
  public synchronized void register(ActionsRegistryActionOptions<?> options) {
    String id = pluginId + ":" + options.name();
    if (actions.containsKey(id)) {
      throw new IllegalArgumentException("Action with id \"" + id + "\" is already registered");
    }
    actions.put(id, RegisteredAction.of(pluginId, options));
  }

  /** The list route's entries, in registration order. */
  public synchronized List<Map<String, Object>> describe() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (RegisteredAction action : actions.values()) {
      list.add(action.describe());
    }
    return list;
  }

  /**
   * Runs action {@code id} with {@code body} (the request's JSON; null for none) and returns its
   * output as JSON.
   *
   * @throws NotAllowedError for anonymous credentials
   * @throws NotFoundError {@code Action "<id>" not found}
   * @throws InputError {@code Invalid input to action "<id>"; caused by Error: <field>: <problem>},
   *     or {@code Invalid output from action "<id>"; ...}
   */
  public JsonNode invoke(String id, JsonNode body, BackstageCredentials<? extends BackstagePrincipal> credentials)
      throws Exception {
    if (credentials.principal().type() == BackstagePrincipalType.NONE) {
      throw new NotAllowedError("Actions must be invoked by an authenticated principal, not an anonymous request");
    }
    RegisteredAction action;
    synchronized (this) {
      action = actions.get(id);
    }
    if (action == null) {
      throw new NotFoundError("Action \"" + id + "\" not found");
    }
    JsonNode input = body == null || body.isMissingNode() || body.isNull() ? Json.MAPPER.createObjectNode() : body;
    String inputProblems = action.input() != null ? action.input().problems(input)
        : input.isObject() ? "" : "$: " + input.getNodeType().name().toLowerCase() + " found, object expected";
    if (!inputProblems.isEmpty()) {
      throw new InputError("Invalid input to action \"" + id + "\"; caused by Error: " + inputProblems);
    }
    Object output = run(action, input, credentials);
    JsonNode outputJson = output == null ? NullNode.getInstance() : Json.MAPPER.valueToTree(output);
    if (action.output() != null) {
      String outputProblems = action.output().problems(outputJson);
      if (!outputProblems.isEmpty()) {
        throw new InputError("Invalid output from action \"" + id + "\"; caused by Error: " + outputProblems);
      }
    }
    return outputJson;
  }

  private <I> Object run(RegisteredAction action, JsonNode input, BackstageCredentials<? extends BackstagePrincipal> credentials)
      throws Exception {
    @SuppressWarnings("unchecked")
    ActionsRegistryActionOptions<I> options = (ActionsRegistryActionOptions<I>) action.options();
    I typed;
    try {
      typed = Json.MAPPER.treeToValue(input, options.inputType());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      String detail = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new InputError("Invalid input to action \"" + action.id() + "\"; caused by Error: " + detail, e);
    }
    ActionsRegistryActionFunction<I> function = options.action();
    return function.run(new ActionsRegistryActionContext<>(typed, logger.child(Map.of("action", action.id())), credentials));
  }
}
