package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.frontend.api.BackendFetch;
import dev.greenroom.frontend.runtime.FrontendApp;
import dev.greenroom.frontend.runtime.RenderedPage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin in an app of its own, rendered in plain Java with a stand-in for the backend. */
class ${pluginName}FrontendTest {
  private static RenderedPage render(String path, BackendFetch backend) {
    return FrontendApp.create(List.of(${pluginName}Frontend.plugin()), null).renderer().render(path, backend);
  }

  @Test
  void thePageShowsTheBackendRunning() {
    BackendFetch healthy = (pluginId, path) -> {
      assertEquals("${pluginId} /health", pluginId + " " + path);
      return new BackendFetch.Response(200, "application/json", "{\"status\":\"ok\"}");
    };

    RenderedPage page = render("/${pluginId}", healthy);

    assertEquals(200, page.status());
    assertTrue(page.html().contains("<h1>${pluginName}</h1><p>The ${pluginId} backend is running.</p>"), page.html());
    assertTrue(page.html().contains("<a href=\"/${pluginId}\" class=\"active\" aria-current=\"page\">${pluginName}</a>"), page.html());
  }

  @Test
  void thePageSaysWhenTheBackendIsNotThere() {
    RenderedPage page = render("/${pluginId}", (pluginId, path) -> new BackendFetch.Response(404, "application/json", "{}"));

    assertEquals(200, page.status());
    assertTrue(page.html().contains("The ${pluginId} backend is answering HTTP 404."), page.html());
  }
}
