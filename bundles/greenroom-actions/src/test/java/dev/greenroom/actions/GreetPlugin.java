package dev.greenroom.actions;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.ActionsRegistryActionContext;
import dev.greenroom.backend.api.services.ActionsRegistryActionOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test plugin with upstream's test actions: a typed greet, a read-only one, a failing one, a lying one. */
final class GreetPlugin {
  record Greet(String name) {}

  static final String GREET_INPUT = """
      {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}""";
  static final String GREET_OUTPUT = """
      {"type": "object", "properties": {"greeting": {"type": "string"}}, "required": ["greeting"]}""";

  final List<ActionsRegistryActionContext<Greet>> calls = new CopyOnWriteArrayList<>();

  BackendPlugin plugin(String pluginId) {
    return BackendPlugin.create(pluginId, env -> env.registerInit(CoreServices.ACTIONS_REGISTRY, registry -> {
      registry.register(ActionsRegistryActionOptions.builder("greet")
          .title("Greet")
          .description("Says hello")
          .input(Greet.class)
          .inputSchema(GREET_INPUT)
          .outputSchema(GREET_OUTPUT)
          .action(ctx -> {
            calls.add(ctx);
            return Map.of("greeting", "Hello " + ctx.input().name());
          })
          .build());
      registry.register(ActionsRegistryActionOptions.builder("read-only")
          .title("Read Only")
          .description("Changes nothing")
          .readOnly(true)
          .action(ctx -> Map.of("seen", ctx.input()))
          .build());
      registry.register(ActionsRegistryActionOptions.builder("lookup")
          .title("Lookup")
          .description("Never finds anything")
          .destructive(false)
          .idempotent(true)
          .action(ctx -> {
            throw new NotFoundError("entity not found");
          })
          .build());
      registry.register(ActionsRegistryActionOptions.builder("liar")
          .title("Liar")
          .description("Answers outside its output schema")
          .outputSchema(GREET_OUTPUT)
          .action(ctx -> Map.of("greeting", 42))
          .build());
    }));
  }
}
