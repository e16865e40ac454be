package dev.greenroom.frontend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void textIsEscaped() {
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;",
        Html.text("<script>alert('x')</script> & \"").markup());
  }

  @Test
  void templateEscapesPlainArgumentsAndKeepsHtml() {
    Html h = Html.of("<a href=\"{}\" title=\"{}\">{}</a>", Html.url("/a?b=1&c=2"), "\" onmouseover=\"x", Html.text("<b>"));
    assertEquals("<a href=\"/a?b=1&amp;c=2\" title=\"&quot; onmouseover=&quot;x\">&lt;b&gt;</a>", h.markup());
  }

  @Test
  void dangerousUrlSchemesAreNeutralised() {
    assertEquals("#", Html.url("javascript:alert(1)").markup());
    assertEquals("#", Html.url(" JavaScript:alert(1)").markup());
    assertEquals("https://x.dev/a", Html.url("https://x.dev/a").markup());
    assertEquals("/p:q", Html.url("/p:q").markup());
  }

  @Test
  void templateArgumentCountMustMatch() {
    assertThrows(IllegalArgumentException.class, () -> Html.of("{}{}", "a"));
    assertThrows(IllegalArgumentException.class, () -> Html.of("{}", "a", "b"));
  }

  @Test
  void boundaryContainsFailures() throws Exception {
    View failing = rc -> {
      throw new IllegalStateException("boom <x>");
    };
    View bound = ExtensionBoundary.wrap("page:p", failing);
    String[] failedId = new String[1];
    RenderContext rc = new RenderContext() {
      @Override public String path() { return "/"; }
      @Override public void status(int status) {}
      @Override public int status() { return 200; }
      @Override public void title(String title) {}
      @Override public String title() { return null; }
      @Override public void renderFailed(String extensionId, Throwable error) { failedId[0] = extensionId; }
    };
    assertEquals(
        "<div class=\"gr-extension-error\" role=\"alert\" data-extension-id=\"page:p\"><strong>Extension"
            + " 'page:p' failed to render</strong><pre>IllegalStateException: boom &lt;x&gt;</pre></div>",
        bound.render(rc).markup());
    assertEquals("page:p", failedId[0]);
  }
}
