package dev.greenroom.frontend.runtime;

import static dev.greenroom.frontend.runtime.Fx.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ConfigSchema.Field;
import dev.greenroom.frontend.api.CoreExtensionData;
import dev.greenroom.frontend.api.ExtensionDataRef;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.InputValue;
import dev.greenroom.frontend.api.View;
import dev.greenroom.frontend.api.blueprints.NavItemBlueprint;
import dev.greenroom.frontend.api.blueprints.PageBlueprint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A realistic app: a catalog plugin whose page has an extensible list of cards (own input), an
 * examples plugin, a module adding a card and overriding the nav title, and app.extensions config.
 */
class SampleAppTest {
  static final ExtensionDataRef<View> CARD = ExtensionDataRef.of("catalog.card");

  static FrontendPlugin catalog() {
    ExtensionDefinition page = ExtensionDefinition.builder()
        .kind("page").attachTo("app/routes", "routes")
        .input("cards", ExtensionInput.of(CARD))
        .output(CoreExtensionData.ROUTE_PATH, CoreExtensionData.VIEW, CoreExtensionData.TITLE)
        .config(ConfigSchema.of(Field.string("path").defaultsTo("/catalog"), Field.integer("columns").defaultsTo(2)))
        .emitting((ctx, out) -> {
          List<View> cards = new ArrayList<>();
          for (InputValue card : ctx.inputs().list("cards")) {
            cards.add(card.get(CARD));
          }
          long columns = ctx.config().integer("columns");
          out.emit(CoreExtensionData.ROUTE_PATH, ctx.config().string("path"));
          out.emit(CoreExtensionData.TITLE, "Catalog");
          out.emit(CoreExtensionData.VIEW, rc -> {
            List<Html> rendered = new ArrayList<>();
            for (View v : cards) {
              rendered.add(v.render(rc));
            }
            return Html.of("<h1>Catalog</h1><div class=\"cards\" data-columns=\"{}\">{}</div>", columns, Html.concat(rendered));
          });
        })
        .build();
    ExtensionDefinition owners = card("owners", "Owners: team-a, team-b");
    return FrontendPlugin.create("catalog", page, owners, NavItemBlueprint.make(null, "Catalog", "/catalog"));
  }

  static ExtensionDefinition card(String name, String text) {
    return ExtensionDefinition.builder().kind("card").name(name).attachTo("page:catalog", "cards")
        .output(CARD).factory(ctx -> List.of(CARD.value(rc -> Html.of("<section class=\"card\">{}</section>", text))))
        .build();
  }

  static FrontendPlugin examples() {
    List<String> fromBackend = List.of("hello", "<b>bold</b>");
    return FrontendPlugin.create("examples",
        PageBlueprint.make(null, "/examples", "Examples", rc -> {
          List<Html> items = new ArrayList<>();
          fromBackend.forEach(e -> items.add(Html.of("<li>{}</li>", e)));
          return Html.of("<h1>Examples</h1><ul>{}</ul>", Html.concat(items));
        }),
        NavItemBlueprint.make(null, "Examples", "/examples"));
  }

  @Test
  void completeAppRenders() {
    FrontendModule module = FrontendModule.create("catalog",
        card("links", "Links <docs>"),
        NavItemBlueprint.make(null, "Software Catalog", "/catalog"));
    FrontendApp app = FrontendApp.create(
        List.of(catalog(), examples(), module),
        List.of(m("page:catalog", m("config", m("columns", 3))), m("card:catalog/owners", false), m("app", m("config", m("title", "Acme Portal")))));
    assertEquals(List.of(), app.errors());
    assertEquals(List.of(), app.notices());

    RenderedPage home = app.renderer().render("/");
    assertEquals(404, home.status());
    assertTrue(home.html().contains("<title>Page not found | Acme Portal</title>"));
    assertTrue(home.html().contains("<li><a href=\"/catalog\">Software Catalog</a></li><li><a href=\"/examples\">Examples</a></li>"));

    RenderedPage catalogPage = app.renderer().render("/catalog");
    assertEquals(200, catalogPage.status());
    assertTrue(catalogPage.html().contains(
        "<h1>Catalog</h1><div class=\"cards\" data-columns=\"3\"><section class=\"card\">Links &lt;docs&gt;</section></div>"));

    RenderedPage examplesPage = app.renderer().render("/examples");
    assertTrue(examplesPage.html().contains("<ul><li>hello</li><li>&lt;b&gt;bold&lt;/b&gt;</li></ul>"));
    assertTrue(examplesPage.html().contains("class=\"active\" aria-current=\"page\">Examples</a>"));
    assertFalse(examplesPage.html().contains("<b>bold</b>"));

    String tree = TreeVisualizer.text(app);
    assertTrue(tree.contains("card:catalog/owners [disabled] plugin=catalog"));
    assertTrue(tree.contains("card:catalog/links [active] plugin=catalog out=[catalog.card]"));
  }
}
