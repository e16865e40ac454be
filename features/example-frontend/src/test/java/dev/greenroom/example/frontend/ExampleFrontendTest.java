package dev.greenroom.example.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.frontend.api.BackendFetch;
import dev.greenroom.frontend.runtime.FrontendApp;
import dev.greenroom.frontend.runtime.RenderedPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleFrontendTest {
  private final List<String> calls = new ArrayList<>();

  private BackendFetch answering(int status, String body) {
    return (pluginId, path) -> {
      calls.add(pluginId + " " + path);
      return new BackendFetch.Response(status, "application/json", body);
    };
  }

  private static FrontendApp app() {
    return FrontendApp.create(
        List.of(ExampleFrontend.plugin(), ExampleFrontend.navModule(), ExampleFrontend.homeModule()), null);
  }

  @Test
  void thePageListsWhatTheBackendAnswersOnEveryRender() {
    BackendFetch backend =
        answering(200, "[{\"name\":\"hello\",\"source\":\"greetings\"},{\"name\":\"<b>\",\"source\":\"tags\"}]");
    RenderedPage page = app().renderer().render("/examples", backend);
    assertEquals(200, page.status());
    assertTrue(page.html().contains("<li class=\"gr-example\">hello (greetings)</li>"), page.html());
    assertTrue(page.html().contains("<li class=\"gr-example\">&lt;b&gt; (tags)</li>"), page.html());
    assertTrue(page.html().contains("2 examples from the example backend."), page.html());
    app().renderer().render("/examples", backend);
    assertEquals(List.of("example /examples", "example /examples"), calls);
  }

  @Test
  void anObjectWithItemsIsReadToo() {
    RenderedPage page = app().renderer().render("/examples", answering(200, "{\"items\":[{\"name\":\"hola\"}]}"));
    assertTrue(page.html().contains("<li class=\"gr-example\">hola</li>"), page.html());
    assertTrue(page.html().contains("1 example from the example backend."), page.html());
  }

  @Test
  void aFailingBackendIsShownOnThePageNotAsAnError() {
    RenderedPage page = app().renderer().render("/examples", answering(401, "{}"));
    assertEquals(200, page.status());
    assertTrue(page.html().contains("The example backend answered GET /api/example/examples with HTTP 401."), page.html());
    assertEquals(List.of(), page.renderFailures());
  }

  @Test
  void anUnreachableBackendIsContainedByTheExtensionBoundary() {
    RenderedPage page = app().renderer().render("/examples");
    assertEquals(1, page.renderFailures().size());
    assertEquals("page:example", page.renderFailures().get(0).extensionId());
    assertTrue(page.html().contains("data-extension-id=\"page:example\""), page.html());
  }

  @Test
  void theNavModuleRenamesTheNavItemAndTheHomeModuleAddsAHomePage() {
    RenderedPage home = app().renderer().render("/");
    assertEquals(200, home.status());
    assertTrue(home.html().contains("Welcome to Greenroom"), home.html());
    assertTrue(home.html().contains("<a href=\"/examples\">Examples</a>"), home.html());
    String withoutModule =
        FrontendApp.create(List.of(ExampleFrontend.plugin()), null).renderer().render("/").html();
    assertTrue(withoutModule.contains(">Example</a>"), withoutModule);
    assertFalse(withoutModule.contains("Welcome to Greenroom"), withoutModule);
  }
}
