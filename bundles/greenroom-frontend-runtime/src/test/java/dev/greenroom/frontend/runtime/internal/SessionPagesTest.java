package dev.greenroom.frontend.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.frontend.api.Html;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPagesTest {
  @Test
  void theSignInPageListsTheProvidersAndEscapesTheReflectedError() {
    String page = SessionPages.signIn("Greenroom", List.of(new SessionPages.Provider(
        "guest", "Guest", "Enter as a Guest User.", "http://127.0.0.1:7007/api/auth/guest/start?env=development&flow=redirect")),
        "<script>alert(1)</script>");
    assertTrue(page.contains("data-provider=\"guest\""), page);
    assertTrue(page.contains("href=\"http://127.0.0.1:7007/api/auth/guest/start?env=development&amp;flow=redirect\""), page);
    assertFalse(page.contains("<script>alert(1)</script>"), page);
    assertTrue(page.contains("&lt;script&gt;"), page);
  }

  @Test
  void noProviderSaysWhereToConfigureOne() {
    assertTrue(SessionPages.signIn("Greenroom", List.of(), null).contains("<code>auth.providers</code>"));
  }

  @Test
  void aJavascriptProviderUrlIsNotALink() {
    String page = SessionPages.signIn("Greenroom", List.of(new SessionPages.Provider("x", "X", "x", "javascript:alert(1)")), null);
    assertFalse(page.contains("javascript:"), page);
  }

  @Test
  void theUserBarGoesIntoTheHeader() {
    String page = SessionPages.withUserBar("<body><header class=\"gr-header\"><a href=\"/\">G</a></header>x</body>",
        SessionPages.userBar("user:default/<b>", "http://127.0.0.1:7007/api/app/.greenroom/signout"));
    assertTrue(page.contains("user:default/&lt;b&gt;</span> <button type=\"submit\" class=\"gr-signout\">Sign out</button></form></header>"), page);
    assertTrue(page.contains("method=\"post\""), page);
  }
}
