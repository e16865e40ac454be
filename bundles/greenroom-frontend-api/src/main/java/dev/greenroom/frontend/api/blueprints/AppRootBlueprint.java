package dev.greenroom.frontend.api.blueprints;

import static dev.greenroom.frontend.api.CoreExtensionData.VIEW;

import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ConfigSchema.Field;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.RenderContext;
import dev.greenroom.frontend.api.View;
import java.util.List;

/**
 * The app document {@code app} (attached to {@code root@app}): the {@code <html>} shell around the
 * layout. Config {@code title} (default {@code Greenroom}) is the app title.
 */
public final class AppRootBlueprint {
  private AppRootBlueprint() {}

  /** Renders the whole document around the rendered layout. */
  @FunctionalInterface
  public interface Document {
    Html render(String appTitle, Html body, RenderContext context) throws Exception;
  }

  public static final ExtensionBlueprint<Document> BLUEPRINT =
      ExtensionBlueprint.<Document>builder(null)
          .attachTo("root", "app")
          .input("root", ExtensionInput.of(VIEW).singleton())
          .output(VIEW)
          .config(d -> ConfigSchema.of(Field.string("title").defaultsTo("Greenroom")))
          .factory(
              (document, ctx) -> {
                String appTitle = ctx.config().string("title");
                View body = ctx.inputs().single("root").get(VIEW);
                View view = rc -> document.render(appTitle, body.render(rc), rc);
                return List.of(VIEW.value(view));
              })
          .build();

  /** The definition with id {@code app} when added to plugin {@code app} or its module. */
  public static ExtensionDefinition make(Document document) {
    return BLUEPRINT.make(null, document);
  }
}
