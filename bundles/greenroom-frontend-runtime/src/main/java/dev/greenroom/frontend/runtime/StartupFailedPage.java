package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.Html;
import java.util.ArrayList;
import java.util.List;

/** Backstage's "App startup failed" page: the blocking errors, then the warnings. */
final class StartupFailedPage {
  private StartupFailedPage() {}

  static Html render(FrontendApp app) {
    List<Html> items = new ArrayList<>();
    for (AppError e : app.startupFailures()) {
      items.add(item(e));
    }
    List<Html> warnings = new ArrayList<>();
    for (AppError e : app.warnings()) {
      warnings.add(item(e));
    }
    return Html.of(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>App startup failed</title>"
            + "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2933}"
            + "h1{color:#8a1c1c}code{font-weight:600}li{margin:.3rem 0}</style></head><body>"
            + "<h1>App startup failed</h1><ul class=\"gr-errors\">{}</ul>{}</body></html>",
        Html.concat(items),
        warnings.isEmpty()
            ? Html.empty()
            : Html.of("<h2>Warnings</h2><ul class=\"gr-errors\">{}</ul>", Html.concat(warnings)));
  }

  private static Html item(AppError e) {
    return Html.of(
        "<li><code>{}</code>{}: {}</li>",
        e.code(),
        e.subjectId() == null ? Html.empty() : Html.of(" <span class=\"ext\">{}</span>", e.subjectId()),
        e.message());
  }
}
