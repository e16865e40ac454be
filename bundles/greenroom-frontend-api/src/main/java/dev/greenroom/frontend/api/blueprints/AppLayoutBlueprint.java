package dev.greenroom.frontend.api.blueprints;

import static dev.greenroom.frontend.api.CoreExtensionData.VIEW;

import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.InputValue;
import dev.greenroom.frontend.api.RenderContext;
import dev.greenroom.frontend.api.View;
import java.util.List;

/**
 * The app layout {@code app/layout} (attached to {@code app@root}): arranges the nav and the routed
 * content. Put {@link #make} in a frontend module for plugin {@code app} to replace the default.
 */
public final class AppLayoutBlueprint {
  private AppLayoutBlueprint() {}

  /** Lays out the rendered nav (empty when there is none) and the routed content. */
  @FunctionalInterface
  public interface Layout {
    Html render(Html nav, Html content, RenderContext context) throws Exception;
  }

  public static final ExtensionBlueprint<Layout> BLUEPRINT =
      ExtensionBlueprint.<Layout>builder(null)
          .attachTo("app", "root")
          .input("nav", ExtensionInput.of(VIEW).singleton().optional())
          .input("content", ExtensionInput.of(VIEW).singleton())
          .output(VIEW)
          .factory(
              (layout, ctx) -> {
                InputValue nav = ctx.inputs().single("nav");
                View content = ctx.inputs().single("content").get(VIEW);
                View navView = nav == null ? null : nav.get(VIEW);
                View view =
                    rc ->
                        layout.render(
                            navView == null ? Html.empty() : navView.render(rc),
                            content.render(rc),
                            rc);
                return List.of(VIEW.value(view));
              })
          .build();

  /** The definition with id {@code app/layout} when added to plugin {@code app} or its module. */
  public static ExtensionDefinition make(Layout layout) {
    return BLUEPRINT.make("layout", layout);
  }
}
