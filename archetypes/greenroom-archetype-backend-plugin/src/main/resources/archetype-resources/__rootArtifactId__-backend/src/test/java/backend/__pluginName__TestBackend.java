package ${package}.backend;

import dev.greenroom.auth.AuthServiceFactories;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.database.DatabaseServiceFactories;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.HttpServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A {@link TestBackend} with HTTP on an embedded Jetty (a free port), Greenroom's auth with a static
 * token for {@value #SUBJECT}, and in-memory databases; plus an HTTP client for its routes.
 */
final class ${pluginName}TestBackend implements AutoCloseable {
  static final String TOKEN = "test-token-0123456789";
  static final String SUBJECT = "tests";

  private final EmbeddedJetty jetty = new EmbeddedJetty();
  private final HttpClient client = HttpClient.newHttpClient();
  private final TestBackend.Builder builder;
  private TestBackend backend;

  ${pluginName}TestBackend(Map<String, Object> config) {
    builder = TestBackend.builder()
        .config(Map.of("backend", Map.of(
            "listen", Map.of("host", "127.0.0.1", "port", 0),
            "database", Map.of("client", "h2", "connection", ":memory:"),
            "auth", Map.of("externalAccess", List.of(Map.of(
                "type", "static", "options", Map.of("token", TOKEN, "subject", SUBJECT)))))))
        .config(config);
    HttpServices.factories(jetty).forEach(builder::defaultService);
    AuthServiceFactories.all().forEach(builder::defaultService);
    builder.defaultService(DatabaseServiceFactories.database());
  }

  TestBackend start(BackendFeature... features) {
    for (BackendFeature feature : features) {
      builder.add(feature);
    }
    backend = builder.start();
    return backend;
  }

  HttpResponse<String> get(String path, boolean withToken) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (withToken) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + jetty.port() + path);
  }

  @Override
  public void close() {
    if (backend != null) {
      backend.close();
    }
  }
}
