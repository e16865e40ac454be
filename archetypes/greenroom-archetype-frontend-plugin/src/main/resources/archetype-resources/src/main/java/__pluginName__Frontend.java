package ${package};

import dev.greenroom.frontend.api.BackendFetch;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.RenderContext;
import dev.greenroom.frontend.api.blueprints.NavItemBlueprint;
import dev.greenroom.frontend.api.blueprints.PageBlueprint;

/**
 * The {@code ${pluginId}} frontend plugin (Backstage's {@code createFrontendPlugin({pluginId:
 * '${pluginId}'})}) as a plain value: {@code page:${pluginId}} at {@value #PATH} and {@code
 * nav-item:${pluginId}}. {@link ${pluginName}FrontendComponent} registers it in OSGi.
 */
public final class ${pluginName}Frontend {
  static final String PLUGIN_ID = "${pluginId}";
  static final String PATH = "/${pluginId}";
  static final String TITLE = "${pluginName}";

  private ${pluginName}Frontend() {}

  public static FrontendPlugin plugin() {
    return FrontendPlugin.create(
        PLUGIN_ID,
        PageBlueprint.make(null, PATH, TITLE, ${pluginName}Frontend::page),
        NavItemBlueprint.make(null, TITLE, PATH));
  }

  /**
   * The page, rendered on the server for each request. It asks the backend plugin of the same id
   * for its health ({@code GET /api/${pluginId}/health}) with the app's own credentials.
   */
  static Html page(RenderContext context) throws Exception {
    BackendFetch.Response health = context.backend().get(PLUGIN_ID, "/health");
    String status = health.ok() ? "running" : "answering HTTP " + health.status();
    return Html.of(
        "<section class=\"${pluginId}\"><h1>{}</h1><p>The ${pluginId} backend is {}.</p></section>",
        TITLE, status);
  }
}
