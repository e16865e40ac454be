package dev.greenroom.frontend.runtime;

import dev.greenroom.frontend.api.BackendFetch;
import dev.greenroom.frontend.api.CoreExtensionData;
import dev.greenroom.frontend.api.ExtensionBoundary;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.api.RenderContext;
import dev.greenroom.frontend.api.View;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an app for one request path: the root's view (document, layout, nav, matched page or
 * 404), or the "App startup failed" page (status 500). Thread-safe: every call has its own context.
 */
public final class AppRenderer {
  private final FrontendApp app;

  AppRenderer(FrontendApp app) {
    this.app = app;
  }

  /** Renders the app at {@code path} (e.g. the servlet's path info; a query string is ignored). */
  public RenderedPage render(String path) {
    return render(path, BackendFetch.NONE);
  }

  /** As {@link #render(String)}, with views reading from backend plugins through {@code backend}. */
  public RenderedPage render(String path, BackendFetch backend) {
    Context rc = new Context(normalize(path), backend);
    if (app.startupFailed()) {
      return new RenderedPage(500, StartupFailedPage.render(app).markup(), List.of());
    }
    View root = app.tree().root().instance().get(CoreExtensionData.VIEW);
    Html html;
    try {
      html = ExtensionBoundary.wrap(FrontendApp.ROOT_ID, root).render(rc);
    } catch (Exception e) { // not reached: the boundary contains every failure
      html = ExtensionBoundary.fallback(FrontendApp.ROOT_ID, e);
    }
    return new RenderedPage(rc.status, html.markup(), List.copyOf(rc.failures));
  }

  /** The tree visualizer as a standalone HTML page (status 200). */
  public RenderedPage renderVisualizer() {
    return new RenderedPage(200, TreeVisualizer.html(app).markup(), List.of());
  }

  static String normalize(String path) {
    String p = path == null || path.isEmpty() ? "/" : path;
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static final class Context implements RenderContext {
    private final String path;
    private int status = 200;
    private String title;
    private final List<RenderedPage.RenderFailure> failures = new ArrayList<>();
    private final BackendFetch backend;

    Context(String path, BackendFetch backend) {
      this.path = path;
      this.backend = backend;
    }

    @Override
    public BackendFetch backend() {
      return backend;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public void status(int status) {
      this.status = status;
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public void title(String title) {
      this.title = title;
    }

    @Override
    public String title() {
      return title;
    }

    @Override
    public void renderFailed(String extensionId, Throwable error) {
      failures.add(
          new RenderedPage.RenderFailure(
              extensionId, error.getClass().getSimpleName() + ": " + error.getMessage()));
    }
  }
}
