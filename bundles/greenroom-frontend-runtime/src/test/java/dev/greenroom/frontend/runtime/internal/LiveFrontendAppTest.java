package dev.greenroom.frontend.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.blueprints.NavItemBlueprint;
import dev.greenroom.frontend.api.blueprints.PageBlueprint;
import dev.greenroom.frontend.runtime.FrontendApp;
import dev.greenroom.frontend.runtime.RenderedPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveFrontendAppTest {
  private static final FrontendPlugin EXAMPLES =
      FrontendPlugin.create(
          "example",
          PageBlueprint.make(null, "/examples", "Examples", rc -> Html.text("the examples page")),
          NavItemBlueprint.make(null, "Examples", "/examples"));
  private static final FrontendModule RENAME_NAV =
      FrontendModule.create("example", NavItemBlueprint.make(null, "Example list", "/examples"));

  private final LiveFrontendApp live = new LiveFrontendApp();

  @Test
  void startsWithTheDefaultAppOnly() {
    assertEquals(404, live.current().renderer().render("/examples").status());
    assertTrue(live.current().startupFailures().isEmpty());
    assertEquals(List.of(), live.features());
    assertEquals(0, live.generation());
  }

  @Test
  void addingAPluginServesItsPageAndNavItem() {
    live.add(1, EXAMPLES);
    RenderedPage page = live.current().renderer().render("/examples");
    assertEquals(200, page.status());
    assertTrue(page.html().contains("the examples page"), page.html());
    assertTrue(live.current().renderer().render("/").html().contains("href=\"/examples\""));
  }

  @Test
  void removingThePluginTakesItsPageAway() {
    live.add(1, EXAMPLES);
    live.remove(1);
    assertEquals(404, live.current().renderer().render("/examples").status());
    assertEquals(List.of(), live.features());
  }

  @Test
  void aModuleOverridesWhileInstalledAndTheOriginalComesBackWhenItLeaves() {
    live.add(1, EXAMPLES);
    live.add(2, RENAME_NAV);
    String nav = live.current().renderer().render("/").html();
    assertTrue(nav.contains("Example list"), nav);
    live.remove(2);
    String after = live.current().renderer().render("/").html();
    assertFalse(after.contains("Example list"), after);
    assertTrue(after.contains(">Examples<"), after);
  }

  @Test
  void appExtensionsChangeRebuildsTheTree() {
    live.add(1, EXAMPLES);
    live.appExtensions(List.of(Map.of("page:example", false)));
    assertEquals(404, live.current().renderer().render("/examples").status());
    live.appExtensions(List.of(Map.of("page:example", Map.of("config", Map.of("path", "/software")))));
    assertEquals(200, live.current().renderer().render("/software").status());
    assertEquals(404, live.current().renderer().render("/examples").status());
  }

  @Test
  void anUnchangedConfigKeepsTheSameApp() {
    live.appExtensions(List.of("nav-item:app"));
    FrontendApp before = live.current();
    live.appExtensions(List.of("nav-item:app"));
    assertSame(before, live.current());
  }

  @Test
  void aMalformedAppExtensionsFailsStartupUntilFixed() {
    live.add(1, EXAMPLES);
    live.appExtensions("not a list");
    RenderedPage failed = live.current().renderer().render("/examples");
    assertEquals(500, failed.status());
    assertEquals(
        "Invalid type in config for key 'app.extensions', got string, wanted object-array",
        live.current().startupFailures().get(0).message());
    live.appExtensions(null);
    assertEquals(200, live.current().renderer().render("/examples").status());
  }

  @Test
  void removingAnUnknownKeyDoesNotRebuild() {
    FrontendApp before = live.current();
    live.remove(42);
    assertSame(before, live.current());
    live.add(42, EXAMPLES);
    assertNotSame(before, live.current());
    assertEquals(1, live.generation());
  }

  @Test
  void featuresAreOrderedByKeyWhateverTheArrivalOrder() {
    live.add(7, RENAME_NAV);
    live.add(3, EXAMPLES);
    assertEquals(List.of(EXAMPLES, RENAME_NAV), live.features());
  }
}
