package dev.greenroom.frontend.api;

/**
 * Backstage's {@code ExtensionBoundary}: wraps a view so that a failure while rendering shows a
 * contained fallback naming the extension, and the rest of the page renders.
 */
public final class ExtensionBoundary {
  private ExtensionBoundary() {}

  public static View wrap(String extensionId, View view) {
    if (view instanceof Bound b && b.extensionId.equals(extensionId)) {
      return view;
    }
    return new Bound(extensionId, view);
  }

  /** The fallback shown in place of a failed extension. */
  public static Html fallback(String extensionId, Throwable error) {
    String detail = error.getClass().getSimpleName() + ": " + error.getMessage();
    return Html.of(
        "<div class=\"gr-extension-error\" role=\"alert\" data-extension-id=\"{}\">"
            + "<strong>Extension '{}' failed to render</strong><pre>{}</pre></div>",
        extensionId,
        extensionId,
        detail);
  }

  private record Bound(String extensionId, View view) implements View {
    @Override
    public Html render(RenderContext context) {
      try {
        Html html = view.render(context);
        return html == null ? Html.empty() : html;
      } catch (Exception | LinkageError | StackOverflowError e) {
        context.renderFailed(extensionId, e);
        return fallback(extensionId, e);
      }
    }
  }
}
