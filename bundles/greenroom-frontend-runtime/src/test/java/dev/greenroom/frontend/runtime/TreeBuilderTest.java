package dev.greenroom.frontend.runtime;

import static dev.greenroom.frontend.runtime.Fx.leaf;
import static dev.greenroom.frontend.runtime.Fx.messages;
import static dev.greenroom.frontend.runtime.Fx.parent;
import static dev.greenroom.frontend.runtime.Fx.specs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.frontend.api.AttachTo;
import dev.greenroom.frontend.api.AttachmentPoint;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.FrontendPlugin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building the tree, as upstream's frontend-app-api/src/tree/resolveAppTree.ts. */
class TreeBuilderTest {
  final ErrorCollector c = new ErrorCollector();

  AppTree build(dev.greenroom.frontend.api.ExtensionDefinition... defs) {
    return TreeBuilder.build("root", specs(List.of(FrontendPlugin.create("p", defs)), List.of(), c), c);
  }

  static List<String> children(AppNode node, String input) {
    return node.attachments().getOrDefault(input, List.of()).stream().map(AppNode::id).toList();
  }

  @Test
  void duplicateSpecIdAndMissingRoot() {
    List<AppNodeSpec> s = specs(List.of(FrontendPlugin.create("p", leaf("a", "root", "items").build())), List.of(), c);
    List<AppNodeSpec> dup = new ArrayList<>(s);
    dup.add(s.get(0));
    assertEquals("Unexpected duplicate extension id 'p/a'",
        assertThrows(IllegalStateException.class, () -> TreeBuilder.build("root", dup, c)).getMessage());
    assertEquals("No root node with id 'other' found in app tree",
        assertThrows(IllegalStateException.class, () -> TreeBuilder.build("other", s, c)).getMessage());
  }

  @Test
  void siblingOrderFollowsSpecOrderAndParentsMayComeLater() {
    AppTree t = build(leaf("c1", "p/b", "items").build(), parent("b", "root", "items").build(),
        leaf("c2", "p/b", "items").build());
    assertEquals(List.of("p/c1", "p/c2"), children(t.nodes().get("p/b"), "items"));
    assertEquals(List.of("p/b"), children(t.root(), "items"));
    assertEquals("root", t.nodes().get("p/b").parent().id());
  }

  @Test
  void attachedEvenToUndeclaredInputButOrphanWithoutParent() {
    AppTree t = build(leaf("a", "root", "nope").build(), leaf("o", "p/missing", "items").build());
    assertEquals(List.of("p/a"), children(t.root(), "nope"));
    assertEquals(List.of("p/o"), t.orphans().stream().map(AppNode::id).toList());
    assertNull(t.nodes().get("p/o").parent());
  }

  @Test
  void redirectsOnlyInvalidAttachmentPoints() {
    AppTree t = build(
        parent("new", "root", "items").build().toBuilder()
            .input("items", ExtensionInput.of(Fx.TEXT).replaces(new AttachmentPoint("p/old", "items"),
                new AttachmentPoint("root", "items")))
            .build(),
        leaf("a", "p/old", "items").build(),
        leaf("b", "root", "items").build());
    assertEquals(List.of("p/a"), children(t.nodes().get("p/new"), "items"));
    assertEquals(List.of("p/new", "p/b"), children(t.root(), "items")); // valid point never redirected
  }

  @Test
  void duplicateRedirectTargetReported() {
    ExtensionInput in = ExtensionInput.of(Fx.TEXT).replaces(new AttachmentPoint("p/old", "items"));
    build(parent("n1", "root", "items").input("items", in).build(), parent("n2", "root", "items").input("items", in).build());
    assertEquals(
        List.of("EXTENSION_INPUT_REDIRECT_CONFLICT: Duplicate redirect target for input 'items' in extension 'p/n2'"),
        messages(c));
  }

  @Test
  void multipleAttachmentPointsCloneIncludingChildrenOfClonedParents() {
    AppTree t = build(
        parent("x", "root", "items").build(),
        parent("y", "root", "items").build(),
        parent("m", "root", "items").attachToAll(List.of(AttachTo.to("p/x", "items"), AttachTo.to("gone", "i"),
            AttachTo.to("p/y", "items"))).build(),
        leaf("k", "p/m", "items").attachToAll(List.of(AttachTo.to("p/m", "items"))).build());
    assertEquals(List.of("p/m"), children(t.nodes().get("p/x"), "items"));
    assertEquals(List.of("p/m"), children(t.nodes().get("p/y"), "items"));
    AppNode clone = t.nodes().get("p/y").attachments().get("items").get(0);
    assertEquals(List.of("p/k"), children(clone, "items"));
    assertEquals(List.of("p/k"), children(t.nodes().get("p/m"), "items"));
    assertEquals(List.of(), t.orphans());
  }

  @Test
  void cyclesFormDetachedIslandsWithoutError() {
    AppTree t = build(parent("a", "p/b", "items").build(), parent("b", "p/a", "items").build());
    assertEquals(List.of(), children(t.root(), "items"));
    assertEquals("p/b", t.nodes().get("p/a").parent().id());
    assertEquals(List.of(), messages(c));
    new TreeInstantiator(c, java.util.Map.of(), w -> {}).instantiate(t.root());
    assertNull(t.nodes().get("p/a").instance());
  }

  @Test
  void serialisation() {
    AppTree t = build(parent("b", "root", "items").build(), leaf("bx1", "p/b", "x").build());
    assertEquals("<root>\n  items [\n    <p/b>\n      x [\n        <p/bx1 />\n      ]\n    </p/b>\n  ]\n</root>",
        t.root().toString());
    new TreeInstantiator(c, java.util.Map.of(), w -> {}).instantiate(t.root());
    assertEquals("<p/b out=[test.mirror]>\n  x [\n    <p/bx1 out=[test.text] />\n  ]\n</p/b>",
        t.nodes().get("p/b").toString());
  }
}
