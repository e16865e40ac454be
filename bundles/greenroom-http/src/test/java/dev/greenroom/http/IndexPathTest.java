package dev.greenroom.http;

import static dev.greenroom.http.RootHttpRouterTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.test.base.TestBackend;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Backstage's index fallback: non-{@code /api/} paths go to the plugin mounted at the index path. */
@Timeout(60)
class IndexPathTest {

  /** A frontend-like plugin: answers every path with what it saw, without credentials. */
  private static BackendPlugin page(String pluginId) {
    return BackendPlugin.create(pluginId, env -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), deps -> {
      HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/"));
      router.use(new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          resp.setContentType("text/html");
          resp.getWriter().write(pluginId + " page " + req.getPathInfo());
        }
      });
    }));
  }

  @Test
  void defaultIndexIsApiAppAndServesEveryNonApiPath() throws Exception {
    HttpBackend http = new HttpBackend();
    http.builder.add(page("app"));
    try (TestBackend backend = http.builder.start()) {
      assertEquals("app page /catalog/default/component/x", http.get("/catalog/default/component/x?tab=1").body());
      assertEquals("app page /", http.get("/").body());
      assertEquals("app page /index.html", http.get("/api/app/index.html").body());
      assertEquals(200, http.get("/.backstage/health/v1/liveness").statusCode());

      HttpResponse<String> api = http.get("/api/nope/x");
      assertEquals(404, api.statusCode());
      assertEquals("", api.body()); // Backstage's notFound handler: an empty 404
      assertEquals(404, http.get("/api").statusCode());
    }
  }

  @Test
  void configuredIndexPathServesAnotherPlugin() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("indexPath", "/api/site/"));
    http.builder.add(page("app")).add(page("site"));
    try (TestBackend backend = http.builder.start()) {
      assertEquals("site page /docs", http.get("/docs").body());
      assertEquals("app page /x", http.get("/api/app/x").body());
    }
  }

  @Test
  void falseDisablesTheFallback() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("indexPath", false));
    http.builder.add(page("app"));
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> r = http.get("/catalog");
      assertEquals(404, r.statusCode());
      assertEquals("", r.body());
      assertEquals("app page /x", http.get("/api/app/x").body());
    }
  }

  @Test
  void noPluginAtTheIndexPathMeansJson404() throws Exception {
    HttpBackend http = new HttpBackend();
    try (TestBackend backend = http.builder.start()) {
      assertEquals(404, http.get("/catalog").statusCode());
    }
  }

  @Test
  void emptyIndexPathIsRefusedWithBackstagesWords() {
    HttpBackend http = new HttpBackend(Map.of("indexPath", ""));
    http.builder.add(page("app"));
    Throwable t = assertThrows(Exception.class, () -> http.builder.start().close());
    while (!(t instanceof IllegalArgumentException) && t.getCause() != null) {
      t = t.getCause();
    }
    assertEquals("indexPath option may not be an empty string", t.getMessage());
  }
}
