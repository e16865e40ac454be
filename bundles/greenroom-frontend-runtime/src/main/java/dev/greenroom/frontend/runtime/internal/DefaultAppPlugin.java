package dev.greenroom.frontend.runtime.internal;

import static dev.greenroom.frontend.api.CoreExtensionData.NAV_TARGET;
import static dev.greenroom.frontend.api.CoreExtensionData.ROUTE_PATH;
import static dev.greenroom.frontend.api.CoreExtensionData.TITLE;
import static dev.greenroom.frontend.api.CoreExtensionData.VIEW;

import dev.greenroom.frontend.api.ExtensionDefinition;
import dev.greenroom.frontend.api.ExtensionInput;
import dev.greenroom.frontend.api.FrontendPlugin;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.InputValue;
import dev.greenroom.frontend.api.NavTarget;
import dev.greenroom.frontend.api.View;
import dev.greenroom.frontend.api.blueprints.AppLayoutBlueprint;
import dev.greenroom.frontend.api.blueprints.AppRootBlueprint;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code app} plugin every app gets unless it installs its own: {@code app} (document),
 * {@code app/layout}, {@code app/nav}, {@code app/routes} and {@code app/not-found}. A frontend module
 * for plugin {@code app} overrides any of them by id. Also the built-in {@code root} extension.
 */
public final class DefaultAppPlugin {
  private DefaultAppPlugin() {}

  public static FrontendPlugin create() {
    return FrontendPlugin.create(
        "app", document(), layout(), nav(), routes(), notFound());
  }

  /** The built-in root: not part of any plugin, owned by {@code app}, never overridable. */
  public static ExtensionDefinition root() {
    return ExtensionDefinition.builder()
        .namespace("root")
        .attachTo("ignored", "ignored")
        .input("app", ExtensionInput.of(VIEW).singleton())
        .output(VIEW)
        .factory(ctx -> List.of(VIEW.value(ctx.inputs().single("app").get(VIEW))))
        .build();
  }

  static ExtensionDefinition document() {
    return AppRootBlueprint.make(
        (appTitle, body, rc) ->
            Html.of(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>{}</title><style>{}</style></head>"
                    + "<body><header class=\"gr-header\"><a href=\"/\">{}</a></header>{}</body></html>",
                rc.title() == null ? appTitle : rc.title() + " | " + appTitle,
                Styles.CSS,
                appTitle,
                body));
  }

  static ExtensionDefinition layout() {
    return AppLayoutBlueprint.make(
        (nav, content, rc) ->
            Html.of(
                "<div class=\"gr-shell\"><aside class=\"gr-sidebar\">{}</aside>"
                    + "<main class=\"gr-main\">{}</main></div>",
                nav,
                content));
  }

  static ExtensionDefinition nav() {
    return ExtensionDefinition.builder()
        .name("nav")
        .attachTo("app/layout", "nav")
        .input("items", ExtensionInput.of(NAV_TARGET))
        .output(VIEW)
        .factory(
            ctx -> {
              List<NavTarget> items = new ArrayList<>();
              for (InputValue item : ctx.inputs().list("items")) {
                items.add(item.get(NAV_TARGET));
              }
              View view =
                  rc -> {
                    List<Html> links = new ArrayList<>();
                    for (NavTarget t : items) {
                      boolean active = Routes.matches(t.path(), rc.path());
                      links.add(
                          Html.of(
                              "<li><a href=\"{}\"{}>{}</a></li>",
                              Html.url(t.path()),
                              Html.raw(active ? " class=\"active\" aria-current=\"page\"" : ""),
                              t.title()));
                    }
                    return Html.of("<nav class=\"gr-nav\"><ul>{}</ul></nav>", Html.concat(links));
                  };
              return List.of(VIEW.value(view));
            })
        .build();
  }

  static ExtensionDefinition routes() {
    return ExtensionDefinition.builder()
        .name("routes")
        .attachTo("app/layout", "content")
        .input("routes", ExtensionInput.of(ROUTE_PATH, VIEW, TITLE.optional()))
        .input("notFound", ExtensionInput.of(VIEW).singleton().optional())
        .output(VIEW)
        .factory(
            ctx -> {
              List<Routes.Route> routes = new ArrayList<>();
              for (InputValue r : ctx.inputs().list("routes")) {
                routes.add(new Routes.Route(r.get(ROUTE_PATH), r.get(TITLE), r.get(VIEW)));
              }
              InputValue notFound = ctx.inputs().single("notFound");
              View notFoundView = notFound == null ? NOT_FOUND : notFound.get(VIEW);
              return List.of(VIEW.value(new Routes(routes, notFoundView)));
            })
        .build();
  }

  static ExtensionDefinition notFound() {
    return ExtensionDefinition.builder()
        .name("not-found")
        .attachTo("app/routes", "notFound")
        .output(VIEW)
        .factory(ctx -> List.of(VIEW.value(NOT_FOUND)))
        .build();
  }

  static final View NOT_FOUND =
      rc -> {
        rc.title("Page not found");
        return Html.of(
            "<section class=\"gr-not-found\"><h1>Page not found</h1>"
                + "<p>Nothing is mounted at <code>{}</code>.</p><p><a href=\"/\">Go home</a></p></section>",
            rc.path());
      };
}
