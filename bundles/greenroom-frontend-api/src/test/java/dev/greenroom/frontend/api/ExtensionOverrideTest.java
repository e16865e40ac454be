package dev.greenroom.frontend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.frontend.api.ConfigSchema.Field;
import dev.greenroom.frontend.api.blueprints.ExtensionBlueprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionOverrideTest {
  static final ExtensionDataRef<String> TEXT = ExtensionDataRef.of("test.text");
  static final ExtensionDataRef<String> OTHER = ExtensionDataRef.of("test.other");

  record Node(String id, String pluginId) implements AppNodeInfo {}

  static final ExtensionInputs NO_INPUTS =
      new ExtensionInputs() {
        @Override
        public List<InputValue> list(String inputName) {
          return List.of();
        }

        @Override
        public InputValue single(String inputName) {
          return null;
        }
      };

  static ExtensionDefinition base() {
    return ExtensionDefinition.builder()
        .name("base")
        .attachTo("app", "root")
        .input("items", ExtensionInput.of(TEXT))
        .output(TEXT)
        .config(ConfigSchema.of(Field.string("greeting").defaultsTo("hello")))
        .factory(ctx -> List.of(TEXT.value(ctx.config().string("greeting"))))
        .build();
  }

  static List<String> run(ExtensionDefinition def, Map<String, Object> rawConfig) throws Exception {
    ExtensionContext ctx =
        ExtensionContext.of(
            new Node("x/base", "x"), new ExtensionConfig(def.configSchema().parse(rawConfig)), NO_INPUTS);
    List<String> out = new ArrayList<>();
    for (ExtensionDataValue<?> v : def.factory().create(ctx)) {
      out.add(v.id() + "=" + v.value());
    }
    return out;
  }

  @Test
  void outputWithoutFactoryIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> base().override(o -> o.output(OTHER)));
    assertEquals("Refused to override output without also overriding factory", e.getMessage());
  }

  @Test
  void paramsAndFactoryTogetherAreRefused() {
    ExtensionDefinition made = Greeting.BLUEPRINT.make("g", new Greeting("hi"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> made.override(o -> o.<Greeting>params(p -> p).factory((orig, ctx) -> orig.create())));
    assertEquals("Refused to override params and factory at the same time", e.getMessage());
  }

  @Test
  void paramsOfAHandWrittenDefinitionAreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> base().override(o -> o.params(p -> p)));
    assertEquals(
        "Refused to override params of ExtensionDefinition{name=base,attachTo=app@root}, it was not"
            + " made by a blueprint",
        e.getMessage());
  }

  @Test
  void existingInputsAndConfigKeysCannotBeRedefined() {
    IllegalArgumentException input =
        assertThrows(
            IllegalArgumentException.class,
            () -> base().override(o -> o.input("items", ExtensionInput.of(OTHER))));
    assertEquals("Input 'items' is already defined in parent definition", input.getMessage());
    IllegalArgumentException key =
        assertThrows(
            IllegalArgumentException.class,
            () -> base().override(o -> o.config(ConfigSchema.of(Field.string("greeting")))));
    assertEquals("Config key 'greeting' is already defined in parent schema", key.getMessage());
  }

  @Test
  void overrideChangesAttachmentDisabledPredicateAndAddsInputsAndConfig() throws Exception {
    ExtensionPredicate beta = ExtensionPredicate.featureFlag("beta");
    ExtensionDefinition o =
        base()
            .override(
                x ->
                    x.attachTo("app/nav", "items")
                        .disabled(true)
                        .predicate(beta)
                        .input("extra", ExtensionInput.of(OTHER))
                        .config(ConfigSchema.of(Field.string("suffix").defaultsTo("!"))));
    Extension resolved = o.resolve("x");
    assertEquals("x/base", resolved.id());
    assertEquals("app/nav", resolved.attachTo().id());
    assertEquals("items", resolved.attachTo().input());
    assertTrue(resolved.isDisabled());
    assertEquals(beta, o.predicate());
    assertEquals(List.of("items", "extra"), List.copyOf(o.inputs().keySet()));
    assertEquals("base", o.inputs().get("extra").context().name());
    assertEquals(List.of("greeting", "suffix"), List.copyOf(o.configSchema().fields().keySet()));
    // no factory override: the original runs with the extended config
    assertEquals(List.of("test.text=hello"), run(o, Map.of()));
  }

  @Test
  void factoryOverrideSeesTheOriginalOutputAndMayChangeItsConfig() throws Exception {
    ExtensionDefinition o =
        base()
            .override(
                x ->
                    x.config(ConfigSchema.of(Field.string("suffix").defaultsTo("!")))
                        .factory(
                            (original, ctx) -> {
                              ExtensionDataContainer first = original.create();
                              ExtensionDataContainer second =
                                  original.create(OriginalFactoryContext.withConfig(Map.of("greeting", "bye")));
                              return List.of(
                                  TEXT.value(first.get(TEXT) + "/" + second.get(TEXT) + ctx.config().string("suffix")));
                            }));
    assertEquals(List.of("test.text=hi/bye?"), run(o, Map.of("greeting", "hi", "suffix", "?")));
  }

  @Test
  void duplicatesInTheOverrideResultCollapseLastWins() throws Exception {
    ExtensionDefinition o =
        base()
            .override(
                x ->
                    x.output(TEXT, OTHER)
                        .factory(
                            (original, ctx) ->
                                List.of(TEXT.value("a"), OTHER.value("o"), TEXT.value("b"))));
    assertEquals(List.of("test.text=b", "test.other=o"), run(o, Map.of()));
  }

  @Test
  void originalOutputIsVerified() {
    ExtensionDefinition undeclared =
        ExtensionDefinition.builder()
            .name("base")
            .attachTo("app", "root")
            .output(TEXT)
            .config(ConfigSchema.of())
            .factory(ctx -> List.of(TEXT.value("t"), OTHER.value("o")))
            .build()
            .override(x -> x.factory((original, ctx) -> original.create()));
    ExtensionFactoryError e1 = assertThrows(ExtensionFactoryError.class, () -> run(undeclared, Map.of()));
    assertEquals("extension data 'test.other' was provided but not declared", e1.getMessage());

    ExtensionDefinition missing =
        ExtensionDefinition.builder()
            .name("base")
            .attachTo("app", "root")
            .output(TEXT, OTHER, ExtensionDataRef.<String>of("test.third").optional())
            .config(ConfigSchema.of())
            .factory(ctx -> List.of())
            .build()
            .override(x -> x.factory((original, ctx) -> original.create()));
    ExtensionFactoryError e2 = assertThrows(ExtensionFactoryError.class, () -> run(missing, Map.of()));
    assertEquals("missing required extension data value(s) 'test.text, test.other'", e2.getMessage());
  }

  @Test
  void overrideAndOriginalThatAreNotIterable() {
    ExtensionDefinition badOverride = base().override(x -> x.factory((original, ctx) -> null));
    ExtensionFactoryError e1 = assertThrows(ExtensionFactoryError.class, () -> run(badOverride, Map.of()));
    assertEquals("extension factory override did not provide an iterable object", e1.getMessage());

    ExtensionDefinition badOriginal =
        base().toBuilder().factory(ctx -> null).build().override(x -> x.factory((original, ctx) -> original.create()));
    ExtensionFactoryError e2 = assertThrows(ExtensionFactoryError.class, () -> run(badOriginal, Map.of()));
    assertEquals("original extension factory did not provide an iterable object", e2.getMessage());
  }

  /** A blueprint whose params carry a greeting; config 'punctuation' does not depend on params. */
  record Greeting(String text) {
    static final ExtensionBlueprint<Greeting> BLUEPRINT =
        ExtensionBlueprint.<Greeting>builder("greeting")
            .attachTo("app", "root")
            .output(TEXT)
            .config(p -> ConfigSchema.of(Field.string("punctuation").defaultsTo(".")))
            .factory((p, ctx) -> List.of(TEXT.value(p.text() + ctx.config().string("punctuation"))))
            .build();
  }

  @Test
  void paramsOverrideRunsTheBlueprintFactoryWithNewParams() throws Exception {
    ExtensionDefinition made = Greeting.BLUEPRINT.make("g", new Greeting("hi"));
    ExtensionDefinition o = made.override(x -> x.<Greeting>params(p -> new Greeting(p.text() + " there")));
    assertEquals(List.of("test.text=hi there."), run(o, Map.of()));
    assertEquals(List.of("test.text=hi."), run(made, Map.of()));
  }

  @Test
  void factoryOverrideMayPassParamsToTheBlueprintFactory() throws Exception {
    ExtensionDefinition o =
        Greeting.BLUEPRINT
            .make("g", new Greeting("hi"))
            .override(
                x ->
                    x.factory(
                        (original, ctx) ->
                            original.create(
                                OriginalFactoryContext.none().<Greeting>params(p -> new Greeting(p.text().toUpperCase())))));
    assertEquals(List.of("test.text=HI."), run(o, Map.of()));
  }

  @Test
  void makeWithOverridesWrapsTheBlueprintFactory() throws Exception {
    ExtensionDefinition o =
        Greeting.BLUEPRINT.makeWithOverrides(
            "g",
            x ->
                x.input("extra", ExtensionInput.of(OTHER))
                    .config(ConfigSchema.of(Field.string("name").defaultsTo("world")))
                    .output(TEXT, OTHER)
                    .factory(
                        (original, ctx) -> {
                          ExtensionDataContainer out = original.create(new Greeting("hello " + ctx.config().string("name")));
                          return List.of(TEXT.value(out.get(TEXT)), OTHER.value("extra"));
                        }));
    assertEquals("greeting:x/g", o.resolve("x").id());
    assertEquals(List.of("extra"), List.copyOf(o.inputs().keySet()));
    assertEquals(List.of("test.text=hello world!", "test.other=extra"), run(o, Map.of("punctuation", "!")));
    assertNull(o.configSchema().fields().get("missing"));
  }

  @Test
  void makeWithOverridesVerifiesTheBlueprintOutput() {
    ExtensionBlueprint<Greeting> broken =
        ExtensionBlueprint.<Greeting>builder("greeting")
            .attachTo("app", "root")
            .output(TEXT)
            .factory((p, ctx) -> p == null ? null : List.of(OTHER.value("o")))
            .build();
    ExtensionDefinition undeclared =
        broken.makeWithOverrides("g", x -> x.factory((original, ctx) -> original.create(new Greeting("x"))));
    ExtensionDefinition notIterable =
        broken.makeWithOverrides("g", x -> x.factory((original, ctx) -> original.create(null)));
    assertEquals(
        "extension data 'test.other' was provided but not declared",
        assertThrows(ExtensionFactoryError.class, () -> runNoSchema(undeclared)).getMessage());
    assertEquals(
        "original blueprint factory did not provide an iterable object",
        assertThrows(ExtensionFactoryError.class, () -> runNoSchema(notIterable)).getMessage());
  }

  static void runNoSchema(ExtensionDefinition def) throws Exception {
    def.factory().create(ExtensionContext.of(new Node("x", "x"), ExtensionConfig.empty(), NO_INPUTS));
  }

  @Test
  void makeWithOverridesRefusesRedefinedConfigKeys() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Greeting.BLUEPRINT.makeWithOverrides(
                    "g",
                    x -> x.config(ConfigSchema.of(Field.string("punctuation"))).factory((orig, ctx) -> List.of())));
    assertEquals("Config key 'punctuation' is already defined in parent schema", e.getMessage());
  }
}
