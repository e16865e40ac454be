package dev.greenroom.example.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.frontend.api.BackendFetch;
import dev.greenroom.frontend.api.FrontendModule;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.RenderContext;
import dev.greenroom.frontend.api.blueprints.NavItemBlueprint;
import dev.greenroom.frontend.api.blueprints.PageBlueprint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code example} frontend plugin and its modules, as plain values (the DS component only
 * registers them). The page reads the examples from the {@code example} backend plugin on every
 * render, over HTTP with the serving app's service token ({@link RenderContext#backend()}).
 */
public final class ExampleFrontend {
  static final String PLUGIN_ID = "example";
  static final String EXAMPLES_PATH = "/examples";
  static final String BACKEND_PATH = "/examples";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExampleFrontend() {}

  /** {@code page:example} at {@code /examples} and {@code nav-item:example}. */
  public static FrontendPlugin plugin() {
    return FrontendPlugin.create(
        PLUGIN_ID,
        PageBlueprint.make(null, EXAMPLES_PATH, "Examples", ExampleFrontend::examplesPage),
        NavItemBlueprint.make(null, "Example", EXAMPLES_PATH));
  }

  /** Overrides {@code nav-item:example}: same id, a different title. */
  public static FrontendModule navModule() {
    return FrontendModule.create(PLUGIN_ID, NavItemBlueprint.make(null, "Examples", EXAMPLES_PATH));
  }

  /**
   * Adds {@code page:app/home} at {@code /} to the built-in {@code app} plugin: how a deployment
   * gives the app a home page (Backstage's {@code createFrontendModule({pluginId: 'app'})}).
   */
  public static FrontendModule homeModule() {
    return FrontendModule.create(
        "app",
        PageBlueprint.make(
            "home",
            "/",
            "Home",
            rc -> Html.of(
                "<section class=\"gr-home\"><h1>Welcome to Greenroom</h1>"
                    + "<p>Pick an entry from the navigation, for example <a href=\"{}\">the examples</a>.</p></section>",
                Html.url(EXAMPLES_PATH))));
  }

  static Html examplesPage(RenderContext rc) throws IOException {
    BackendFetch.Response response = rc.backend().get(PLUGIN_ID, BACKEND_PATH);
    if (!response.ok()) {
      return Html.of(
          "<section class=\"gr-examples\" data-backend-status=\"{}\"><h1>Examples</h1>"
              + "<p class=\"gr-extension-error\">The example backend answered GET /api/example{} with HTTP {}.</p></section>",
          String.valueOf(response.status()), BACKEND_PATH, String.valueOf(response.status()));
    }
    List<Html> items = new ArrayList<>();
    for (JsonNode example : examplesOf(JSON.readTree(response.body()))) {
      items.add(Html.of("<li class=\"gr-example\">{}</li>", describe(example)));
    }
    return Html.of(
        "<section class=\"gr-examples\" data-backend-status=\"{}\"><h1>Examples</h1>"
            + "<p>{} from the example backend.</p><ul>{}</ul></section>",
        String.valueOf(response.status()),
        items.size() == 1 ? "1 example" : items.size() + " examples",
        Html.concat(items));
  }

  /** The list: the body itself when it is an array, else its {@code items} or {@code examples}. */
  static JsonNode examplesOf(JsonNode body) throws IOException {
    if (body.isArray()) {
      return body;
    }
    for (String field : List.of("items", "examples")) {
      if (body.path(field).isArray()) {
        return body.get(field);
      }
    }
    throw new IOException("The example backend's /examples answer has no list of examples: " + body);
  }

  /** {@code name (source)} like {@code Example.toString()}, or the value itself. */
  static String describe(JsonNode example) {
    if (example.hasNonNull("name")) {
      String name = example.get("name").asText();
      return example.hasNonNull("source") ? name + " (" + example.get("source").asText() + ")" : name;
    }
    return example.isTextual() ? example.asText() : example.toString();
  }
}
