package dev.greenroom.example.backend;

import dev.greenroom.auth.AuthServiceFactories;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.database.DatabaseServiceFactories;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.HttpServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A TestBackend with what the example plugin needs, all real: HTTP on an embedded Jetty (free
 * port), auth, and H2 databases on disk under {@code dataDir} (so a second backend on the same
 * folder sees the first one's data). A static external-access token {@value #TOKEN} is configured.
 */
final class ExampleBackends {
  static final String TOKEN = "example-test-token";

  final EmbeddedJetty jetty = new EmbeddedJetty();
  final TestBackend.Builder builder;
  private final HttpClient client = HttpClient.newHttpClient();

  ExampleBackends(Path dataDir) {
    builder = TestBackend.builder().config(Map.of("backend", Map.of(
        "listen", Map.of("host", "127.0.0.1", "port", 0),
        "database", Map.of("client", "h2", "connection", Map.of("directory", dataDir.toString())),
        "auth", Map.of("externalAccess", List.of(Map.of(
            "type", "static", "options", Map.of("token", TOKEN, "subject", "tests")))))));
    for (ServiceFactory<?> f : HttpServices.factories(jetty)) {
      builder.defaultService(f);
    }
    for (ServiceFactory<?> f : AuthServiceFactories.all()) {
      builder.defaultService(f);
    }
    builder.defaultService(DatabaseServiceFactories.database());
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jetty.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> getWithToken(String path) throws Exception {
    return get(path, "Authorization", "Bearer " + TOKEN);
  }
}
