package dev.greenroom.frontend.api.blueprints;

import static dev.greenroom.frontend.api.CoreExtensionData.NAV_TARGET;

import dev.greenroom.frontend.api.ConfigSchema;
import dev.greenroom.frontend.api.ConfigSchema.Field;
import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.NavTarget;
import java.util.List;

/** A nav item (kind {@code nav-item}, attached to {@code app/nav@items}); config overrides both. */
public final class NavItemBlueprint {
  private NavItemBlueprint() {}

  public record Params(String title, String path) {}

  public static final ExtensionBlueprint<Params> BLUEPRINT =
      ExtensionBlueprint.<Params>builder("nav-item")
          .attachTo("app/nav", "items")
          .output(NAV_TARGET)
          .config(
              p ->
                  ConfigSchema.of(
                      Field.string("title").defaultsTo(p.title()),
                      Field.string("path").defaultsTo(p.path())))
          .factory(
              (p, ctx) ->
                  List.of(
                      NAV_TARGET.value(
                          new NavTarget(ctx.config().string("title"), ctx.config().string("path")))))
          .build();

  public static ExtensionDefinition make(String name, String title, String path) {
    return BLUEPRINT.make(name, new Params(title, path));
  }
}
