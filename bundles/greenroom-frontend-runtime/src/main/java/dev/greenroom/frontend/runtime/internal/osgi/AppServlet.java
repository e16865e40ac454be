package dev.greenroom.frontend.runtime.internal.osgi;

import dev.greenroom.frontend.api.BackendFetch;
import dev.greenroom.frontend.runtime.FrontendApp;
import dev.greenroom.frontend.runtime.RenderedPage;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Renders the current app for the request's path info (the path below {@code /api/app}; with the
 * root router's {@code indexPath} the browser's {@code /foo} arrives as {@code /foo}), and the tree
 * visualizer at {@value #VISUALIZER_PATH}.
 */
final class AppServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Where the visualizer is served; it shadows a page at the same path. */
  static final String VISUALIZER_PATH = "/visualizer";

  private final transient Supplier<FrontendApp> app;
  private final transient BackendFetch backend;

  AppServlet(Supplier<FrontendApp> app, BackendFetch backend) {
    this.app = app;
    this.backend = backend;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    // One read of the reference: the whole response comes from one tree even if it is swapped now.
    FrontendApp current = app.get();
    RenderedPage page =
        VISUALIZER_PATH.equals(path) ? current.renderer().renderVisualizer() : current.renderer().render(path, backend);
    byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
    response.setStatus(page.status());
    response.setContentType("text/html; charset=utf-8");
    // The tree changes while the backend runs: never let a cache answer with an old one.
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    // Commit now: the plugin router passes an uncommitted 404 on to the next handler (Express's
    // next()) and would replace the app's own not-found page with a JSON error.
    response.flushBuffer();
  }
}
