package dev.greenroom.frontend.runtime.internal;

import dev.greenroom.frontend.api.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's session pages, outside the extension tree so that no extension can replace or skip
 * them: the sign-in page (Backstage's {@code SignInPage} with its provider cards), the "not allowed"
 * page, and the signed-in user's bar with the sign-out button.
 */
public final class SessionPages {
  private SessionPages() {}

  /** A provider card: its id, title, message and where signing in starts. */
  public record Provider(String id, String title, String message, String startUrl) {}

  /** The sign-in page: one card per provider; {@code error} (may be null) from a failed sign-in. */
  public static String signIn(String appTitle, List<Provider> providers, String error) {
    List<Html> cards = new ArrayList<>();
    for (Provider p : providers) {
      cards.add(Html.of(
          "<li class=\"gr-signin-provider\" data-provider=\"{}\"><h2>{}</h2><p>{}</p>"
              + "<a class=\"gr-signin-button\" href=\"{}\">Sign in</a></li>",
          p.id(), p.title(), p.message(), Html.url(p.startUrl())));
    }
    Html list = cards.isEmpty()
        ? Html.of("<p class=\"gr-extension-error\">No sign-in provider is configured: add one under "
            + "<code>auth.providers</code> (docs/auth.md).</p>")
        : Html.of("<ul class=\"gr-signin-providers\">{}</ul>", Html.concat(cards));
    return document("Sign in | " + appTitle, appTitle, Html.of(
        "<section class=\"gr-signin\"><h1>Sign in</h1><p>Sign in to see this page.</p>{}{}</section>",
        error == null ? Html.empty() : Html.of("<p class=\"gr-extension-error gr-signin-error\">{}</p>", error),
        list));
  }

  /** The page for a plugin's 403: the signed-in user may not see it. */
  public static String notAllowed(String appTitle, String userEntityRef, Html userBar) {
    return document("Not allowed | " + appTitle, appTitle, Html.of(
        "{}<section class=\"gr-not-allowed\"><h1>Not allowed</h1><p>You are signed in as <code>{}</code>, "
            + "who is not allowed to see this page.</p></section>",
        userBar, userEntityRef));
  }

  /** The signed-in user and a sign-out button (a POST form: signing out changes state). */
  public static Html userBar(String userEntityRef, String signOutAction) {
    return Html.of(
        "<form class=\"gr-user\" method=\"post\" action=\"{}\"><span class=\"gr-user-ref\">{}</span> "
            + "<button type=\"submit\" class=\"gr-signout\">Sign out</button></form>",
        Html.url(signOutAction), userEntityRef);
  }

  /** {@code page} with {@code userBar} at the end of its header. */
  public static String withUserBar(String page, Html userBar) {
    int header = page.indexOf("</header>");
    if (header < 0) {
      return page;
    }
    return page.substring(0, header) + userBar.markup() + page.substring(header);
  }

  private static String document(String title, String appTitle, Html body) {
    return Html.of(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>{}</title><style>{}{}</style></head>"
                + "<body><header class=\"gr-header\"><a href=\"/\">{}</a></header><main class=\"gr-main\">{}</main></body></html>",
            title, Styles.CSS, Html.raw(SIGN_IN_CSS), appTitle, body)
        .markup();
  }

  private static final String SIGN_IN_CSS =
      ".gr-signin-providers{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}"
          + ".gr-signin-provider{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:1rem 1.25rem;width:18rem}"
          + ".gr-signin-provider h2{margin:0 0 .25rem;font-size:1.1rem}.gr-signin-button{display:inline-block;"
          + "background:#0b6bcb;color:#fff;padding:.4rem 1rem;border-radius:4px;text-decoration:none}";
}
