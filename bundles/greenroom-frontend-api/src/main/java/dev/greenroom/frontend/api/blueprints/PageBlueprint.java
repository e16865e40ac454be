package dev.greenroom.frontend.api.blueprints;

import static dev.greenroom.frontend.api.CoreExtensionData.ROUTE_PATH;
import static dev.greenroom.frontend.api.CoreExtensionData.TITLE;
import static dev.greenroom.frontend.api.CoreExtensionData.VIEW;

import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ConfigSchema.Field;
import dev.greenroom.frontend.api.ExtensionDataValue;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.View;
import java.util.ArrayList;
import java.util.List;

/**
 * A page mounted at a path (kind {@code page}, attached to {@code app/routes@routes}). Config
 * {@code path} and {@code title} default to the params. The content view runs per request inside
 * the extension's boundary, like Backstage's lazily loaded page element.
 */
public final class PageBlueprint {
  private PageBlueprint() {}

  /** {@code path} (e.g. {@code /examples}), {@code title} (may be null) and the page content. */
  public record Params(String path, String title, View content) {}

  public static final ExtensionBlueprint<Params> BLUEPRINT =
      ExtensionBlueprint.<Params>builder("page")
          .attachTo("app/routes", "routes")
          .output(ROUTE_PATH, VIEW, TITLE.optional())
          .config(
              p ->
                  ConfigSchema.of(
                      Field.string("path").defaultsTo(p.path()),
                      p.title() == null
                          ? Field.string("title").optional()
                          : Field.string("title").defaultsTo(p.title())))
          .factory(
              (p, ctx) -> {
                List<ExtensionDataValue<?>> out = new ArrayList<>();
                out.add(ROUTE_PATH.value(ctx.config().string("path")));
                out.add(VIEW.value(p.content()));
                String title = ctx.config().string("title");
                if (title != null) {
                  out.add(TITLE.value(title));
                }
                return out;
              })
          .build();

  public static ExtensionDefinition make(String name, String path, String title, View content) {
    return BLUEPRINT.make(name, new Params(path, title, content));
  }
}
