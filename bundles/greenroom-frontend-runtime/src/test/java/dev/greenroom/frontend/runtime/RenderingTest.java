package dev.greenroom.frontend.runtime;

import static dev.greenroom.frontend.runtime.Fx.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.blueprints.AppLayoutBlueprint;
import dev.greenroom.frontend.api.blueprints.NavItemBlueprint;
import dev.greenroom.frontend.api.blueprints.PageBlueprint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering: nav, pages, 404, escaping, boundaries, the error policy of docs/frontend.md "Error codes", visualizer. */
class RenderingTest {
  static final FrontendPlugin EXAMPLES = FrontendPlugin.create("examples",
      PageBlueprint.make(null, "/examples", "Examples <all>", rc -> Html.of("<p>{}</p>", "<script>x</script>")),
      NavItemBlueprint.make(null, "Examples & more", "/examples"),
      PageBlueprint.make("broken", "/broken", "Broken", rc -> {
        throw new IllegalStateException("no data");
      }));

  @Test
  void pageWithLayoutNavAndEscapedText() {
    RenderedPage page = FrontendApp.create(List.of(EXAMPLES), null).renderer().render("/examples/");
    assertEquals(200, page.status());
    assertTrue(page.html().startsWith("<!DOCTYPE html>"));
    assertTrue(page.html().contains("<title>Examples &lt;all&gt; | Greenroom</title>"));
    assertTrue(page.html().contains(
        "<li><a href=\"/examples\" class=\"active\" aria-current=\"page\">Examples &amp; more</a></li>"));
    assertTrue(page.html().contains("<p>&lt;script&gt;x&lt;/script&gt;</p>"));
    assertFalse(page.html().contains("<script>"));
    assertEquals(List.of(), page.renderFailures());
  }

  @Test
  void unknownPathIs404WithLayout() {
    RenderedPage page = FrontendApp.create(List.of(EXAMPLES), null).renderer().render("/nope/<b>?q=1");
    assertEquals(404, page.status());
    assertTrue(page.html().contains("<h1>Page not found</h1>"));
    assertTrue(page.html().contains("<code>/nope/&lt;b&gt;</code>"));
    assertTrue(page.html().contains("class=\"gr-nav\""));
  }

  @Test
  void failingViewShowsContainedFallbackAndTheRestRenders() {
    RenderedPage page = FrontendApp.create(List.of(EXAMPLES), null).renderer().render("/broken");
    assertEquals(200, page.status());
    assertTrue(page.html().contains("data-extension-id=\"page:examples/broken\"><strong>Extension 'page:examples/broken' failed to render</strong><pre>IllegalStateException: no data</pre>"));
    assertTrue(page.html().contains("Examples &amp; more"));
    assertEquals(List.of(new RenderedPage.RenderFailure("page:examples/broken", "IllegalStateException: no data")),
        page.renderFailures());
  }

  @Test
  void failingFactoryIsLeftOutAndListedWhileTheAppRenders() {
    FrontendPlugin bad = FrontendPlugin.create("bad", NavItemBlueprint.make(null, "Bad", "/bad")
        .toBuilder().factory(ctx -> { throw new RuntimeException("nav exploded"); }).build());
    FrontendApp app = FrontendApp.create(List.of(EXAMPLES, bad), null);
    assertFalse(app.startupFailed());
    assertEquals(List.of(new AppError("EXTENSION_FACTORY_ERROR",
        "Failed to instantiate extension 'nav-item:bad', nav exploded", "nav-item:bad", null, null, null, null)),
        app.blockingErrors());
    RenderedPage page = app.renderer().render("/examples");
    assertEquals(200, page.status());
    assertFalse(page.html().contains(">Bad<"));
  }

  @Test
  void schemaViolationNamesExtensionAndFieldAndTheRestRenders() {
    FrontendApp app = FrontendApp.create(List.of(EXAMPLES), List.of(m("nav-item:examples", m("config", m("title", 7)))));
    assertEquals("Invalid configuration for extension 'nav-item:examples'; caused by Error: Expected string, received number at 'title'",
        app.blockingErrors().get(0).message());
    assertEquals(200, app.renderer().render("/examples").status());
  }

  @Test
  void strictPolicyShowsStartupFailedPageListingBlockingErrors() {
    FrontendApp app = FrontendApp.builder().features(List.of(EXAMPLES))
        .appExtensions(List.of(m("nav-item:examples", m("config", m("title", 7))), "nope"))
        .errorPolicy(FrontendApp.ErrorPolicy.STRICT).build();
    assertTrue(app.startupFailed());
    assertEquals(List.of("INVALID_EXTENSION_CONFIG_KEY"), app.warnings().stream().map(AppError::code).toList());
    RenderedPage page = app.renderer().render("/");
    assertEquals(500, page.status());
    assertTrue(page.html().contains("<h1>App startup failed</h1><ul class=\"gr-errors\"><li><code>EXTENSION_CONFIGURATION_INVALID</code> <span class=\"ext\">nav-item:examples</span>: Invalid configuration for extension &#39;nav-item:examples&#39;; caused by Error: Expected string, received number at &#39;title&#39;</li></ul>"));
    assertTrue(page.html().contains("<h2>Warnings</h2>"));
  }

  @Test
  void warningsDoNotBlockAndBadAppConfigFailsStartup() {
    FrontendApp warned = FrontendApp.create(List.of(EXAMPLES), List.of("does-not-exist"));
    assertFalse(warned.startupFailed());
    assertEquals(List.of(), warned.blockingErrors());
    FrontendApp bad = FrontendApp.create(List.of(EXAMPLES), List.of(3));
    assertTrue(bad.startupFailed());
    assertEquals("Invalid extension configuration at app.extensions[0], must be a string or an object",
        bad.startupFailures().get(0).message());
    assertEquals(500, bad.renderer().render("/").status());
  }

  @Test
  void rootFailureFailsStartup() {
    FrontendApp app = FrontendApp.create(List.of(EXAMPLES), List.of(m("app/layout", false)));
    assertTrue(app.startupFailed());
    assertEquals("input 'root' is required but was not received", app.startupFailures().get(0).message());
  }

  @Test
  void moduleOverridesLayoutAndConfigMovesAPage() {
    FrontendModule layout = FrontendModule.create("app",
        AppLayoutBlueprint.make((nav, content, rc) -> Html.of("<div id=\"custom\">{}{}</div>", nav, content)));
    FrontendApp app = FrontendApp.create(List.of(EXAMPLES, layout),
        List.of(m("page:examples", m("config", m("path", "/ex")))));
    String html = app.renderer().render("/ex").html();
    assertTrue(html.contains("<div id=\"custom\"><nav class=\"gr-nav\">"));
    assertTrue(html.contains("&lt;script&gt;"));
    assertEquals(404, app.renderer().render("/examples").status());
  }

  @Test
  void visualizerTextAndHtml() {
    FrontendApp app = FrontendApp.create(List.of(EXAMPLES), List.of(m("page:examples/broken", false)));
    String text = TreeVisualizer.text(app);
    assertTrue(text.startsWith("root [active] plugin=app out=[core.view]\n  app [core.view] singleton\n"));
    assertTrue(text.contains("routes [core.routing.path, core.view, core.title?]\n"));
    assertTrue(text.contains("page:examples/broken [disabled] plugin=examples"));
    assertTrue(text.contains("nav-item:examples [active] plugin=examples out=[core.nav.target]"));
    String html = app.renderer().renderVisualizer().html();
    assertTrue(html.contains("<span class=\"id\">page:examples/broken</span><span class=\"badge off\">disabled</span>"));
    assertTrue(html.contains("out [core.routing.path, core.view, core.title]"));
  }
}
