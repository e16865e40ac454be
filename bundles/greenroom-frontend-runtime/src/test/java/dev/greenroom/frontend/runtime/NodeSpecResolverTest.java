package dev.greenroom.frontend.runtime;

import static dev.greenroom.frontend.runtime.Fx.ids;
import static dev.greenroom.frontend.runtime.Fx.leaf;
import static dev.greenroom.frontend.runtime.Fx.m;
import static dev.greenroom.frontend.runtime.Fx.messages;
import static dev.greenroom.frontend.runtime.Fx.param;
import static dev.greenroom.frontend.runtime.Fx.specs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.frontend.api.AttachmentPoint;
import dev.greenroom.frontend.api.ExtensionPredicate;
import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolving node specs, as upstream's frontend-app-api/src/tree/resolveAppNodeSpecs.ts. */
class NodeSpecResolverTest {
  final ErrorCollector c = new ErrorCollector();
  final FrontendPlugin a = FrontendPlugin.create("a", leaf("x", "root", "items").build(), leaf("y", "root", "items").build());
  final FrontendPlugin b = FrontendPlugin.create("b", leaf("x", "root", "items").build());

  static AppNodeSpec spec(List<AppNodeSpec> specs, String id) {
    return specs.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void pluginExtensionsThenBuiltinsThenModuleAdditions_ownedByTheirPlugin() {
    List<AppNodeSpec> s =
        specs(List.of(a, FrontendModule.create("b", leaf("new", "root", "items").build()), b), List.of(), c);
    assertEquals(List.of("a/x", "a/y", "b/x", "root", "b/new"), ids(s));
    assertEquals("a", spec(s, "a/x").pluginId());
    assertEquals("a", spec(s, "a/x").sourceId());
    assertEquals("app", spec(s, "root").pluginId());
    assertEquals("b", spec(s, "b/new").pluginId());
    assertEquals(List.of(), messages(c));
  }

  @Test
  void identicalFeaturesDeduplicatedAndLastPluginWithSameIdWins() {
    FrontendPlugin a2 = FrontendPlugin.create("a", leaf("z", "root", "items").build());
    assertEquals(List.of("a/x", "a/y", "root"), ids(specs(List.of(a, a), List.of(), c)));
    assertEquals(List.of("a/z", "root"), ids(specs(List.of(a, a2), List.of(), c)));
    assertEquals(List.of(), messages(c));
  }

  @Test
  void moduleOverrideReplacesImplementationKeepsPositionAndPlugin() {
    FrontendModule mod = FrontendModule.create("a", leaf("x", "a/y", "items").disabled(true).build());
    List<AppNodeSpec> s = specs(List.of(a, mod), List.of(), c);
    assertEquals(List.of("a/x", "a/y", "root"), ids(s));
    assertEquals(List.of(new AttachmentPoint("a/y", "items")), spec(s, "a/x").attachTo());
    assertTrue(spec(s, "a/x").disabled());
    assertEquals("a", spec(s, "a/x").pluginId());
    assertTrue(spec(s, "a/x").extension() == mod.extensions().get(0));
  }

  @Test
  void moduleOfMissingPluginIgnoredSilently() {
    List<AppNodeSpec> s = specs(List.of(a, FrontendModule.create("zzz", leaf("q", "root", "items").build())), List.of(), c);
    assertEquals(List.of("a/x", "a/y", "root"), ids(s));
    assertEquals(List.of(), messages(c));
  }

  @Test
  void predicatesCombineAndModuleReplacesPluginPredicate() {
    ExtensionPredicate pluginIf = ctx -> ctx.containsKey("p");
    ExtensionPredicate extIf = ctx -> ctx.containsKey("e");
    FrontendPlugin p = FrontendPlugin.create("p", List.of(leaf("x", "root", "items").predicate(extIf).build(),
        leaf("y", "root", "items").build()), pluginIf);
    ExtensionPredicate moduleIf = ctx -> ctx.containsKey("m");
    FrontendModule mod = FrontendModule.create("p", List.of(leaf("y", "root", "items").build()), moduleIf);
    List<AppNodeSpec> s = specs(List.of(p, mod), List.of(), c);
    ExtensionPredicate x = spec(s, "p/x").predicate();
    assertTrue(x.test(Map.of("p", 1, "e", 1)));
    assertFalse(x.test(Map.of("p", 1)));
    assertFalse(x.test(Map.of("e", 1)));
    ExtensionPredicate y = spec(s, "p/y").predicate();
    assertTrue(y.test(Map.of("m", 1)));
    assertFalse(y.test(Map.of("p", 1)));
  }

  @Test
  void forbiddenIdsFromPluginsModulesAndConfig() {
    FrontendPlugin evil = FrontendPlugin.create("evil", leaf(null, "x", "y").namespace("root").build());
    FrontendModule mod = FrontendModule.create("a", leaf(null, "x", "y").namespace("root").build());
    List<AppNodeSpec> s = specs(List.of(a, evil, mod), List.of(param("root")), c);
    assertEquals(List.of("a/x", "a/y", "root"), ids(s));
    assertEquals(
        List.of(
            "EXTENSION_IGNORED: It is forbidden to override the 'root' extension, attempted by the 'evil' plugin",
            "EXTENSION_IGNORED: It is forbidden to override the 'root' extension, attempted by the 'a' plugin",
            "INVALID_EXTENSION_CONFIG_KEY: Configuration of the 'root' extension is forbidden"),
        messages(c));
    assertEquals("evil", c.errors().get(0).pluginId());
    assertEquals("root", c.errors().get(0).extensionId());
  }

  @Test
  void duplicateAcrossPluginsFirstWins() {
    FrontendPlugin other = FrontendPlugin.create("other", leaf(null, "root", "items").namespace("a").name("x").build());
    List<AppNodeSpec> s = specs(List.of(a, other), List.of(), c);
    assertEquals(List.of("a/x", "a/y", "root"), ids(s));
    assertEquals("a", spec(s, "a/x").pluginId());
    assertEquals(
        List.of("EXTENSION_IGNORED: The 'a/x' extension from the 'other' plugin is a duplicate and will be ignored"),
        messages(c));
  }

  @Test
  void configEntriesApplyInOrderReplaceConfigAndEnableOnAnyMention() {
    FrontendPlugin p = FrontendPlugin.create("p", leaf("x", "root", "items").disabled(true).build(),
        leaf("y", "root", "items").disabled(true).build(), leaf("z", "root", "items").build());
    List<AppNodeSpec> s = specs(List.of(p), List.of(
        param(m("p/x", m("config", m("a", 1, "b", 2)))),
        param(m("p/x", m("config", m("c", 3)))),
        param(m("p/y", m("attachTo", m("id", "p/z", "input", "items")))),
        param(m("p/z", false)),
        param(m("nope", true))), c);
    assertEquals(Map.of("c", 3), spec(s, "p/x").config());
    assertFalse(spec(s, "p/x").disabled());
    assertFalse(spec(s, "p/y").disabled());
    assertEquals(List.of(new AttachmentPoint("p/z", "items")), spec(s, "p/y").attachTo());
    assertTrue(spec(s, "p/z").disabled());
    assertNull(spec(s, "root").config());
    assertEquals(List.of("INVALID_EXTENSION_CONFIG_KEY: Extension nope does not exist"), messages(c));
  }

  @Test
  void mentionedExtensionsMoveToTheFrontInOrderOfFirstMention_disabledSpecsKept() {
    FrontendPlugin p = FrontendPlugin.create("p", leaf("a", "root", "items").build(), leaf("b", "root", "items").build(),
        leaf("c", "root", "items").build(), leaf("d", "root", "items").build());
    List<AppNodeSpec> s = specs(List.of(p), List.of(param("p/c"), param(m("p/a", false)), param("p/c")), c);
    assertEquals(List.of("p/c", "p/a", "p/b", "p/d", "root"), ids(s));
    assertTrue(spec(s, "p/a").disabled());
  }
}
