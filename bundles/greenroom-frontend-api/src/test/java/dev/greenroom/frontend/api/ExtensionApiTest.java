package dev.greenroom.frontend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionApiTest {
  static final ExtensionDataRef<String> TEXT = ExtensionDataRef.of("test.text");

  static ExtensionDefinition.Builder def() {
    return ExtensionDefinition.builder().attachTo("app", "root").factory(ctx -> List.of());
  }

  @Test
  void optionalReturnsACopyAndLeavesTheOriginal() {
    ExtensionDataRef<String> opt = TEXT.optional();
    assertNotSame(TEXT, opt);
    assertTrue(opt.isOptional());
    assertFalse(TEXT.isOptional());
    assertEquals("test.text", opt.id());
  }

  @Test
  void refProducesTaggedValue() {
    ExtensionDataValue<String> v = TEXT.value("x");
    assertEquals("test.text", v.id());
    assertEquals("x", v.value());
  }

  @Test
  void inputRejectsDuplicateDataRefs() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExtensionInput.of(TEXT, TEXT.optional()));
    assertEquals("ExtensionInput may not have duplicate data refs: 'test.text'", e.getMessage());
  }

  @Test
  void inputFlagsDefaultToFalse() {
    ExtensionInput in = ExtensionInput.of(TEXT);
    assertFalse(in.isSingleton());
    assertFalse(in.isOptional());
    assertFalse(in.isInternal());
    assertTrue(in.singleton().optional().internal().isInternal());
  }

  @Test
  void idForms() {
    assertEquals("ns", ExtensionIds.resolve(null, "ns", null));
    assertEquals("ns/n", ExtensionIds.resolve(null, "ns", "n"));
    assertEquals("k:ns", ExtensionIds.resolve("k", "ns", null));
    assertEquals("k:ns/n", ExtensionIds.resolve("k", "ns", "n"));
    assertEquals("k:n", ExtensionIds.resolve("k", null, "n"));
  }

  @Test
  void unresolvableId() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> def().kind("k").build().resolve(null));
    assertEquals(
        "Extension must declare an explicit namespace or name as it could not be resolved from context,"
            + " kind=k namespace=undefined name=undefined",
        e.getMessage());
  }

  @Test
  void namespaceComesFromPluginOrExplicitNamespace() {
    FrontendPlugin p = FrontendPlugin.create("catalog", def().kind("page").build(), def().name("x").build());
    assertEquals(List.of("page:catalog", "catalog/x"), p.extensions().stream().map(Extension::id).toList());
    assertEquals("root", def().namespace("root").build().resolve("catalog").id());
    FrontendModule m = FrontendModule.create("catalog", def().kind("nav-item").build());
    assertEquals("nav-item:catalog", m.extensions().get(0).id());
  }

  @Test
  void toStringForms() {
    ExtensionDefinition d = def().kind("page").name("x").attachTo("app/routes", "routes").build();
    assertEquals("ExtensionDefinition{kind=page,name=x,attachTo=app/routes@routes}", d.toString());
    assertEquals("Extension{id=page:p/x}", d.resolve("p").toString());
    ExtensionDefinition rel = def().attachTo(AttachTo.relative("page", "y", "cards")).build();
    assertEquals("ExtensionDefinition{attachTo=page:<plugin>/y@cards}", rel.toString());
  }

  @Test
  void attachmentForms() {
    ExtensionDefinition parent =
        def().kind("page").name("parent").input("cards", ExtensionInput.of(TEXT)).build();
    ExtensionDefinition viaRelative = def().name("a").attachTo(AttachTo.relative("page", "parent", "cards")).build();
    ExtensionDefinition viaInput = def().name("b").attachTo(AttachTo.input(parent.input("cards"))).build();
    assertEquals("page:p/parent@cards", viaRelative.resolve("p").attachTo().toString());
    assertEquals("page:p/parent@cards", viaInput.resolve("p").attachTo().toString());
    ExtensionDefinition multi =
        def().name("c").attachToAll(List.of(AttachTo.to("x", "i"), AttachTo.to("y", "j"))).build();
    assertEquals("x@i", multi.resolve("p").attachToAll().get(0).toString());
    assertTrue(multi.resolve("p").hasMultipleAttachTo());
    assertEquals("ExtensionDefinition{name=c,attachTo=x@i+y@j}", multi.toString());
  }

  @Test
  void detachedInputAsAttachmentPoint() {
    ExtensionDefinition d = def().name("a").attachTo(AttachTo.input(ExtensionInput.of(TEXT))).build();
    assertEquals("ExtensionDefinition{name=a,attachTo=<detached-input>}", d.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.resolve("p"));
    assertEquals("Invalid input object without a parent extension used as attachment point", e.getMessage());
  }

  @Test
  void pluginRejectsDuplicateExtensions() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FrontendPlugin.create("p", def().name("a").build(), def().name("a").build()));
    assertEquals("Plugin 'p' provided duplicate extensions: p/a", e.getMessage());
  }

  @Test
  void pluginGetExtension() {
    FrontendPlugin p = FrontendPlugin.create("p", def().name("a").build());
    assertEquals("p/a", p.getExtension("p/a").id());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.getExtension("p/b"));
    assertEquals("Attempted to get non-existent extension 'p/b' from plugin 'p'", e.getMessage());
  }

  @Test
  void withOverridesReplacesByIdAndMovesToTheEnd() {
    FrontendPlugin p =
        FrontendPlugin.create("p", def().name("a").build(), def().name("b").build(), def().name("c").build());
    FrontendPlugin o = p.withOverrides(List.of(def().name("a").disabled(true).build()));
    assertEquals(List.of("p/b", "p/c", "p/a"), o.extensions().stream().map(Extension::id).toList());
    assertTrue(o.getExtension("p/a").isDisabled());
    assertFalse(p.getExtension("p/a").isDisabled());
  }

  @Test
  void emittingFactoryYieldsValuesInOrder() throws Exception {
    ExtensionFactory f = ExtensionFactory.emitting((ctx, out) -> out.emit(TEXT, "a").emit(TEXT.value("b")));
    List<String> ids = new java.util.ArrayList<>();
    for (ExtensionDataValue<?> v : f.create(null)) {
      ids.add(v.id() + "=" + v.value());
    }
    assertEquals(List.of("test.text=a", "test.text=b"), ids);
  }
}
