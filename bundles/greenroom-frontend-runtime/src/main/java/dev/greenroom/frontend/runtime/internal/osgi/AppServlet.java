package dev.greenroom.frontend.runtime.internal.osgi;

import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.frontend.api.Html;
import dev.greenroom.frontend.runtime.FrontendApp;
import dev.greenroom.frontend.runtime.RenderedPage;
import dev.greenroom.frontend.runtime.internal.SessionPages;
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
 *
 * <p>Views read plugin data on behalf of the visitor ({@link UserFetch}). When a view needed data
 * and the visitor is not signed in (or the plugin answered 401), the answer is the sign-in page
 * (401) and nothing the view rendered; a plugin's 403 becomes the "not allowed" page (403). Pages
 * that read nothing (the home page, the not-found page) render for everyone. {@code POST
 * /.greenroom/signout} clears the user cookie.
 */
final class AppServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Where the visualizer is served; it shadows a page at the same path. */
  static final String VISUALIZER_PATH = "/visualizer";
  private static final String APP_TITLE = "Greenroom";

  private final transient Supplier<FrontendApp> app;
  private final transient AppSession session;

  AppServlet(Supplier<FrontendApp> app, AppSession session) {
    this.app = app;
    this.session = session;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    // One read of the reference: the whole response comes from one tree even if it is swapped now.
    FrontendApp current = app.get();
    if (VISUALIZER_PATH.equals(path)) {
      RenderedPage visualizer = current.renderer().renderVisualizer();
      write(response, visualizer.status(), visualizer.html());
      return;
    }
    BackstageCredentials<BackstageUserPrincipal> user = session.user(request);
    UserFetch fetch = session.fetchFor(user);
    RenderedPage page = current.renderer().render(path, fetch);
    String userRef = user == null ? null : user.principal().userEntityRef();
    Html userBar = user == null ? Html.empty() : SessionPages.userBar(userRef, session.signOutAction());
    switch (fetch.outcome()) {
      case SIGN_IN -> write(response, 401,
          SessionPages.signIn(APP_TITLE, session.providers(session.returnUrl(request)), request.getParameter("error")));
      case NOT_ALLOWED -> write(response, 403, SessionPages.notAllowed(APP_TITLE, userRef, userBar));
      case OK -> write(response, page.status(), user == null ? page.html() : SessionPages.withUserBar(page.html(), userBar));
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    if (!AppSession.SIGN_OUT_PATH.equals(path)) {
      response.setStatus(404);
      return;
    }
    if (!session.sameOrigin(request)) {
      throw new NotAllowedError("Sign-out is only accepted from the app's own origin");
    }
    session.signOut(response);
    response.setStatus(303);
    response.setHeader("Location", "/");
    response.setContentLength(0);
    response.flushBuffer();
  }

  private static void write(HttpServletResponse response, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/html; charset=utf-8");
    // The tree changes while the backend runs, and pages depend on who asks: never cache them.
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    // Commit now: the plugin router passes an uncommitted 404 on to the next handler (Express's
    // next()) and would replace the app's own not-found page with a JSON error.
    response.flushBuffer();
  }
}
