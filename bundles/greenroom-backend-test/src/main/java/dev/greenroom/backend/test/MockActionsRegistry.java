package dev.greenroom.backend.test;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.ActionsRegistryActionContext;
import dev.greenroom.backend.api.services.ActionsRegistryActionOptions;
import dev.greenroom.backend.api.services.ActionsRegistryService;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.LoggerService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@code alpha.core.actionsRegistry} (Backstage's {@code actionsRegistryServiceMock}):
 * keeps what a plugin registers and runs an action directly, without HTTP or schema validation
 * (greenroom-actions, tested on its own, does those), so a test calls {@link #invoke}.
 */
public final class MockActionsRegistry implements ActionsRegistryService {
  private final Map<String, ActionsRegistryActionOptions<?>> actions = new ConcurrentHashMap<>();
  private final LoggerService logger;

  /** @param logger what actions get as their logger; may be null */
  public MockActionsRegistry(LoggerService logger) {
    this.logger = logger;
  }

  @Override
  public void register(ActionsRegistryActionOptions<?> options) {
    if (actions.putIfAbsent(options.name(), options) != null) {
      throw new IllegalArgumentException("Action with id \"" + options.name() + "\" is already registered");
    }
  }

  /** The names of the registered actions, sorted. */
  public List<String> names() {
    List<String> out = new ArrayList<>(actions.keySet());
    out.sort(null);
    return out;
  }

  /** Runs action {@code name} with {@code input} (a map, or the action's input type) for {@code credentials}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object invoke(String name, Object input, BackstageCredentials<?> credentials) throws Exception {
    ActionsRegistryActionOptions options = actions.get(name);
    if (options == null) {
      throw new NotFoundError("Action \"" + name + "\" not found");
    }
    return options.action().run(new ActionsRegistryActionContext(input, logger, credentials));
  }
}
