package dev.greenroom.frontend.runtime;

import static dev.greenroom.frontend.runtime.Fx.MIRROR;
import static dev.greenroom.frontend.runtime.Fx.OTHER;
import static dev.greenroom.frontend.runtime.Fx.TEXT;
import static dev.greenroom.frontend.runtime.Fx.leaf;
import static dev.greenroom.frontend.runtime.Fx.m;
import static dev.greenroom.frontend.runtime.Fx.messages;
import static dev.greenroom.frontend.runtime.Fx.param;
import static dev.greenroom.frontend.runtime.Fx.specs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.greenroom.frontend.api.ConfigSchema.Field;
import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ExtensionDataContainer;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionFactoryMiddleware;
import dev.greenroom.frontend.api.FrontendFeature;
import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.OriginalFactoryContext;
import dev.greenroom.frontend.api.blueprints.ExtensionBlueprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overrides and factory middleware (docs/frontend.md "Overrides", "Extension factory middleware"), through instantiation: the messages the runtime reports. */
class FactoryOverridesTest {
  final ErrorCollector c = new ErrorCollector();
  final List<String> warnings = new ArrayList<>();

  static final ExtensionDefinition GOOD = leaf("x", "root", "items").build();

  static final ExtensionBlueprint<String> BLUEPRINT =
      ExtensionBlueprint.<String>builder("test")
          .attachTo("root", "items")
          .output(TEXT)
          .factory((p, ctx) -> p == null ? null : List.of(TEXT.value(p)))
          .build();

  AppTree run(ExtensionFactoryMiddleware middleware, List<? extends FrontendFeature> features, Object... params) {
    List<ExtensionParameters> p = new ArrayList<>();
    for (Object o : params) {
      p.add(param(o));
    }
    AppTree tree = TreeBuilder.build("root", specs(features, p, c), c);
    new TreeInstantiator(c, Map.of(), warnings::add, middleware).instantiate(tree.root());
    return tree;
  }

  List<String> errorsOf(ExtensionDefinition def, ExtensionFactoryMiddleware middleware) {
    run(middleware, List.of(FrontendPlugin.create("p", def)));
    return messages(c);
  }

  static String factoryError(String id, String message) {
    return "EXTENSION_FACTORY_ERROR: Failed to instantiate extension '" + id + "', " + message;
  }

  @Test
  void notIterableVariantsNameTheirProducer() {
    ExtensionDefinition badOverride = GOOD.override(o -> o.factory((orig, ctx) -> null));
    assertEquals(
        List.of(factoryError("p/x", "extension factory override did not provide an iterable object")),
        errorsOf(badOverride, null));
  }

  @Test
  void notIterableOriginalOfAnOverride() {
    ExtensionDefinition bad =
        GOOD.toBuilder().factory(ctx -> null).build().override(o -> o.factory((orig, ctx) -> orig.create()));
    assertEquals(
        List.of(factoryError("p/x", "original extension factory did not provide an iterable object")),
        errorsOf(bad, null));
  }

  @Test
  void notIterableMiddlewareResult() {
    assertEquals(
        List.of(factoryError("p/x", "extension factory middleware did not provide an iterable object")),
        errorsOf(GOOD, (orig, ctx) -> ctx.node().id().equals("p/x") ? null : orig.create()));
  }

  @Test
  void notIterableFactoryUnderAMiddleware() {
    ExtensionDefinition bad = GOOD.toBuilder().factory(ctx -> null).build();
    assertEquals(
        List.of(factoryError("p/x", "extension factory did not provide an iterable object")),
        errorsOf(bad, (orig, ctx) -> orig.create()));
  }

  @Test
  void makeWithOverridesVariants() {
    ExtensionDefinition badOverride =
        BLUEPRINT.makeWithOverrides(null, o -> o.factory((orig, ctx) -> null));
    assertEquals(
        List.of(factoryError("test:p", "extension factory did not provide an iterable object")),
        errorsOf(badOverride, null));
  }

  @Test
  void makeWithOverridesAndMiddlewareWithAnOverrideThatIsNotIterable() {
    ExtensionDefinition badOverride =
        BLUEPRINT.makeWithOverrides(null, o -> o.factory((orig, ctx) -> null));
    assertEquals(
        List.of(factoryError("test:p", "extension factory did not provide an iterable object")),
        errorsOf(badOverride, (orig, ctx) -> orig.create()));
  }

  @Test
  void makeWithOverridesAndMiddlewareWithABlueprintFactoryThatIsNotIterable() {
    ExtensionDefinition badOriginal =
        BLUEPRINT.makeWithOverrides(null, o -> o.factory((orig, ctx) -> orig.create(null)));
    assertEquals(
        List.of(factoryError("test:p", "original blueprint factory did not provide an iterable object")),
        errorsOf(badOriginal, (orig, ctx) -> orig.create()));
  }

  @Test
  void originalOutputVerificationFailsTheExtension() {
    ExtensionDefinition undeclared =
        GOOD.toBuilder()
            .factory(ctx -> List.of(TEXT.value("t"), OTHER.value("o")))
            .build()
            .override(o -> o.factory((orig, ctx) -> orig.create()));
    assertEquals(
        List.of(factoryError("p/x", "extension data 'test.other' was provided but not declared")),
        errorsOf(undeclared, null));
  }

  @Test
  void originalMissingRequiredDataFailsTheExtension() {
    ExtensionDefinition missing =
        GOOD.toBuilder().factory(ctx -> List.of()).build().override(o -> o.factory((orig, ctx) -> orig.create()));
    assertEquals(
        List.of(factoryError("p/x", "missing required extension data value(s) 'test.text'")),
        errorsOf(missing, null));
  }

  @Test
  void overrideResultDuplicatesCollapseInsteadOfConflicting() {
    ExtensionDefinition dup =
        GOOD.override(o -> o.factory((orig, ctx) -> List.of(TEXT.value("first"), TEXT.value("last"))));
    AppTree tree = run(null, List.of(FrontendPlugin.create("p", dup)));
    assertEquals(List.of(), messages(c));
    assertEquals(List.of("last"), tree.root().instance().get(MIRROR));
  }

  @Test
  void middlewareOverridesTheConfigPassedToTheFactory() {
    ExtensionDefinition configured =
        leaf("x", "root", "items")
            .config(ConfigSchema.of(Field.string("greeting").defaultsTo("hello")))
            .factory(ctx -> List.of(TEXT.value(ctx.config().string("greeting"))))
            .build();
    ExtensionFactoryMiddleware shout =
        (orig, ctx) ->
            ctx.node().id().equals("p/x")
                ? orig.create(OriginalFactoryContext.withConfig(Map.of("greeting", ctx.config().string("greeting").toUpperCase())))
                : orig.create();
    AppTree tree = run(shout, List.of(FrontendPlugin.create("p", configured)), m("p/x", m("config", m("greeting", "hi"))));
    assertEquals(List.of(), messages(c));
    assertEquals(List.of("HI"), tree.root().instance().get(MIRROR));
  }

  @Test
  void laterMiddlewareWrapsEarlierOnes() {
    List<String> calls = new ArrayList<>();
    ExtensionFactoryMiddleware first = (orig, ctx) -> {
      calls.add("first " + ctx.node().id());
      return orig.create();
    };
    ExtensionFactoryMiddleware second = (orig, ctx) -> {
      calls.add("second " + ctx.node().id());
      ExtensionDataContainer out = orig.create();
      return out;
    };
    run(FactoryMiddlewares.merge(first, second), List.of(FrontendPlugin.create("p", GOOD)));
    assertEquals(List.of("second p/x", "first p/x", "second root", "first root"), calls);
  }

  @Test
  void moduleReplacesAnExtensionWithAnOverrideOfIt() {
    FrontendPlugin plugin = FrontendPlugin.create("p", GOOD, leaf("y", "root", "items").build());
    ExtensionDefinition decorated =
        plugin.getExtension("p/x").definition()
            .override(o -> o
                .config(ConfigSchema.of(Field.string("suffix").defaultsTo("!")))
                .factory((orig, ctx) -> List.of(TEXT.value(orig.create().get(TEXT) + ctx.config().string("suffix")))));
    FrontendModule module = FrontendModule.create("p", decorated);
    AppTree tree = run(null, List.of(plugin, module));
    assertEquals(List.of(), messages(c));
    // replaced in place, owned by its plugin, running the override around the original
    assertEquals(List.of("p/x!", "p/y"), tree.root().instance().get(MIRROR));
    assertEquals("p", tree.nodes().get("p/x").pluginId());
  }

  @Test
  void moduleOverrideWithAnotherAttachmentAndDisabledByDefault() {
    FrontendPlugin plugin = FrontendPlugin.create("p", GOOD);
    FrontendModule module =
        FrontendModule.create("p", plugin.getExtension("p/x").definition().override(o -> o.disabled(true)));
    AppTree tree = run(null, List.of(plugin, module));
    assertNull(tree.nodes().get("p/x").instance());
    assertEquals(List.of(), tree.root().instance().get(MIRROR));
  }

  @Test
  void frontendAppPassesItsMiddlewareToEveryFactory() {
    List<String> seen = new ArrayList<>();
    FrontendApp app =
        FrontendApp.builder()
            .extensionFactoryMiddleware((orig, ctx) -> {
              seen.add(ctx.node().id());
              return orig.create();
            })
            .build();
    assertEquals(List.of(), app.errors());
    assertEquals("root", seen.get(seen.size() - 1));
    assertEquals(app.tree().nodes().values().stream().filter(n -> n.instance() != null).count(), seen.size());
  }
}
