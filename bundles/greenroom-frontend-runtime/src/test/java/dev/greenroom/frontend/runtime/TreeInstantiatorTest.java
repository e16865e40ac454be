package dev.greenroom.frontend.runtime;

import static dev.greenroom.frontend.runtime.Fx.MIRROR;
import static dev.greenroom.frontend.runtime.Fx.OTHER;
import static dev.greenroom.frontend.runtime.Fx.TEXT;
import static dev.greenroom.frontend.runtime.Fx.leaf;
import static dev.greenroom.frontend.runtime.Fx.m;
import static dev.greenroom.frontend.runtime.Fx.messages;
import static dev.greenroom.frontend.runtime.Fx.param;
import static dev.greenroom.frontend.runtime.Fx.parent;
import static dev.greenroom.frontend.runtime.Fx.specs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.greenroom.frontend.api.ConfigSchema.Field;
import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.FrontendFeature;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.InputValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instantiating the tree, as upstream's frontend-app-api/src/tree/instantiateAppNodeTree.ts. */
class TreeInstantiatorTest {
  final ErrorCollector c = new ErrorCollector();
  final List<String> warnings = new ArrayList<>();

  AppTree run(List<? extends FrontendFeature> features, Object... params) {
    List<ExtensionParameters> p = new ArrayList<>();
    for (Object o : params) {
      p.add(param(o));
    }
    return Fx.instantiate(specs(features, p, c), c, warnings);
  }

  AppTree run(ExtensionDefinition... defs) {
    return run(List.of(FrontendPlugin.create("p", defs)));
  }

  /** A parent with one singleton input 'one' requiring TEXT (optional if asked); MIRROR of its text or "none". */
  static ExtensionDefinition.Builder singletonParent(String name, boolean optional) {
    ExtensionInput in = ExtensionInput.of(TEXT).singleton();
    return ExtensionDefinition.builder().name(name).attachTo("root", "items")
        .input("one", optional ? in.optional() : in).output(TEXT)
        .factory(ctx -> {
          InputValue v = ctx.inputs().single("one");
          return List.of(TEXT.value(v == null ? "none" : v.get(TEXT)));
        });
  }

  @Test
  void leavesFirstAndOnlyActiveNodes() {
    List<String> order = new ArrayList<>();
    ExtensionDefinition.Builder b = parent("b", "root", "items");
    AppTree t = run(
        parent("a", "root", "items").factory(ctx -> { order.add("a"); return List.of(MIRROR.value(List.of())); }).build(),
        leaf("a1", "p/a", "items").factory(ctx -> { order.add("a1"); return List.of(TEXT.value("x")); }).build(),
        b.disabled(true).build(),
        leaf("b1", "p/b", "items").factory(ctx -> { order.add("b1"); return List.of(TEXT.value("x")); }).build(),
        leaf("iffy", "root", "items").predicate(ctx -> false).build());
    assertEquals(List.of("a1", "a"), order);
    assertNull(t.nodes().get("p/b").instance());
    assertNull(t.nodes().get("p/iffy").instance());
    assertEquals(List.of("p/a"), t.root().instance().get(MIRROR));
  }

  @Test
  void predicateContextDecides() {
    ErrorCollector col = new ErrorCollector();
    List<AppNodeSpec> s = specs(List.of(FrontendPlugin.create("p",
        leaf("flagged", "root", "items").predicate(dev.greenroom.frontend.api.ExtensionPredicate.featureFlag("beta")).build())), List.of(), col);
    AppTree t = TreeBuilder.build("root", s, col);
    new TreeInstantiator(col, Map.of("featureFlags", List.of("beta")), w -> {}).instantiate(t.root());
    assertEquals(List.of("p/flagged"), t.root().instance().get(MIRROR));
  }

  @Test
  void instantiationIsIdempotent() {
    AppTree t = run(leaf("a", "root", "items").build());
    AppNodeInstance first = t.root().instance();
    new TreeInstantiator(c, Map.of(), w -> {}).instantiate(t.root());
    assertSame(first, t.root().instance());
  }

  @Test
  void childrenOnUndeclaredInputsAreInstantiatedAndWarned() {
    AppTree t = run(leaf("a", "root", "nope").build(), leaf("b", "root", "nope").build(),
        leaf("c", "p/a", "x").build(), leaf("d", "p/a", "y").disabled(true).build());
    assertNotNull(t.nodes().get("p/a").instance());
    assertEquals(List.of(
        "The extension 'p/c' is attached to the input 'x' of the extension 'p/a', but it has no inputs",
        "The extensions 'p/a', 'p/b' are attached to the input 'nope' of the extension 'root', but it has no such input (candidates are 'items')"),
        warnings);
    assertEquals(List.of(), messages(c));
  }

  @Test
  void configParsedWithDefaultsOrReportedInvalid() {
    ExtensionDefinition.Builder configurable = leaf("a", "root", "items")
        .config(ConfigSchema.of(Field.string("title").defaultsTo("T"), Field.integer("n")))
        .factory(ctx -> List.of(TEXT.value(ctx.config().string("title") + ctx.config().integer("n") + ctx.config().asMap().size())));
    AppTree ok = run(List.of(FrontendPlugin.create("p", configurable.build())), m("p/a", m("config", m("n", 2, "junk", 1))));
    assertEquals(List.of("T22"), ok.root().instance().get(MIRROR));
    AppTree bad = run(List.of(FrontendPlugin.create("p", configurable.build())), m("p/a", m("config", m("title", 5))));
    assertNull(bad.nodes().get("p/a").instance());
    assertEquals(List.of("EXTENSION_CONFIGURATION_INVALID: Invalid configuration for extension 'p/a'; caused by Error: Expected string, received number at 'title'"),
        messages(c));
  }

  @Test
  void missingRequiredConfig() {
    run(leaf("a", "root", "items").config(ConfigSchema.of(Field.string("title"))).build());
    assertEquals(List.of("EXTENSION_CONFIGURATION_INVALID: Invalid configuration for extension 'p/a'; caused by Error: Missing required value at 'title'"),
        messages(c));
  }

  @Test
  void internalInputDropsOtherPlugins() {
    ExtensionDefinition host = parent("host", "root", "items").input("items", ExtensionInput.of(TEXT).internal()).build();
    FrontendPlugin p = FrontendPlugin.create("p", host, leaf("mine", "p/host", "items").build());
    FrontendPlugin o = FrontendPlugin.create("other", leaf("theirs", "p/host", "items").build());
    AppTree t = run(List.of(p, o));
    assertEquals(List.of("p/mine"), t.nodes().get("p/host").instance().get(MIRROR));
    assertEquals(List.of("EXTENSION_INPUT_INTERNAL_IGNORED: extension 'other/theirs' from plugin 'other' attached to input 'items' on 'p/host' was ignored, the input is marked as internal and attached extensions must therefore be provided via an override or a module for the 'p' plugin, not the 'other' plugin"),
        messages(c));
    assertEquals("items", c.errors().get(0).inputName());
    assertEquals("other/theirs", c.errors().get(0).extensionId());
  }

  @Test
  void singletonConflictAndMissingFailTheParent() {
    AppTree t = run(singletonParent("s", false).build(), leaf("a", "p/s", "one").build(), leaf("b", "p/s", "one").build(),
        singletonParent("o", true).build(), leaf("c", "p/o", "one").build(), leaf("d", "p/o", "one").build(),
        singletonParent("req", false).build(), singletonParent("opt", true).build());
    assertNull(t.nodes().get("p/s").instance());
    assertNull(t.nodes().get("p/o").instance());
    assertNull(t.nodes().get("p/req").instance());
    assertEquals("none", t.nodes().get("p/opt").instance().get(TEXT));
    assertEquals(List.of(
        "EXTENSION_ATTACHMENT_CONFLICT: expected exactly one 'one' input but received multiple: 'p/a', 'p/b'",
        "EXTENSION_ATTACHMENT_CONFLICT: expected at most one 'one' input but received multiple: 'p/c', 'p/d'",
        "EXTENSION_ATTACHMENT_MISSING: input 'one' is required but was not received"), messages(c));
    assertEquals(List.of("none"), t.root().instance().get(MIRROR));
  }

  @Test
  void attachmentLackingDataReportedAgainstTheAttachment() {
    ExtensionDefinition.Builder wrong = ExtensionDefinition.builder().output(OTHER).factory(ctx -> List.of(OTHER.value("o")));
    AppTree t = run(
        singletonParent("opt", true).build(), wrong.name("w1").attachTo("p/opt", "one").build(),
        singletonParent("req", false).build(), wrong.name("w2").attachTo("p/req", "one").build(),
        Fx.parent("list", "root", "items").build(), wrong.name("w3").attachTo("p/list", "items").build(),
        leaf("ok", "p/list", "items").build());
    assertEquals("none", t.nodes().get("p/opt").instance().get(TEXT));
    assertNull(t.nodes().get("p/req").instance());
    assertEquals(List.of("p/ok"), t.nodes().get("p/list").instance().get(MIRROR));
    assertEquals(List.of(
        "EXTENSION_INPUT_DATA_MISSING: extension 'p/w1' could not be attached because its output data ('test.other') does not match what the input 'one' requires ('test.text')",
        "EXTENSION_INPUT_DATA_MISSING: extension 'p/w2' could not be attached because its output data ('test.other') does not match what the input 'one' requires ('test.text')",
        "EXTENSION_ATTACHMENT_MISSING: input 'one' is required but it failed to be instantiated",
        "EXTENSION_INPUT_DATA_MISSING: extension 'p/w3' could not be attached because its output data ('test.other') does not match what the input 'items' requires ('test.text')"),
        messages(c));
    assertEquals("p/w1", c.errors().get(0).nodeId());
    assertEquals("one", c.errors().get(0).inputName());
  }

  @Test
  void factoryOutputRules() {
    AppTree t = run(
        leaf("nul", "root", "items").factory(ctx -> null).build(),
        leaf("dup", "root", "items").factory(ctx -> List.of(TEXT.value("1"), TEXT.value("2"))).build(),
        leaf("missing", "root", "items").factory(ctx -> List.of()).build(),
        leaf("extra", "root", "items").factory(ctx -> List.of(TEXT.value("e"), OTHER.value("o"))).build(),
        leaf("plain", "root", "items").factory(ctx -> { throw new RuntimeException("plain failure"); }).build(),
        leaf("typed", "root", "items").factory(ctx -> { throw new IllegalStateException("typed failure"); }).build(),
        leaf("opt", "root", "items").output(TEXT, OTHER.optional()).build());
    assertEquals(List.of("e", "p/opt"), t.root().instance().get(MIRROR));
    assertEquals(List.of(
        "EXTENSION_FACTORY_ERROR: Failed to instantiate extension 'p/nul', extension factory did not provide an iterable object",
        "EXTENSION_OUTPUT_CONFLICT: extension factory output duplicate data 'test.text'",
        "EXTENSION_OUTPUT_MISSING: missing required extension data output 'test.text'",
        "EXTENSION_OUTPUT_IGNORED: unexpected output 'test.other'",
        "EXTENSION_FACTORY_ERROR: Failed to instantiate extension 'p/plain', plain failure",
        "EXTENSION_FACTORY_ERROR: Failed to instantiate extension 'p/typed'; caused by IllegalStateException: typed failure"),
        messages(c));
    assertEquals("test.text", c.errors().get(1).dataRefId());
  }

  @Test
  void failedChildIsAbsentForItsParentUnlessRequired() {
    AppTree t = run(parent("list", "root", "items").build(),
        leaf("bad", "p/list", "items").factory(ctx -> { throw new RuntimeException("x"); }).build(),
        leaf("good", "p/list", "items").build());
    assertEquals(List.of("p/good"), t.nodes().get("p/list").instance().get(MIRROR));
  }
}
