package dev.greenroom.state.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.auth.AuthServiceFactories;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.backend.runtime.state.ServiceDTO;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.HttpServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state routes on the real HTTP and auth services (embedded Jetty, real tokens). */
class StateRoutesTest {
  static final String TOKEN = "static-token-for-the-admin-tool";
  static final ObjectMapper JSON = new ObjectMapper();

  /** A runtime that knows one plugin and records restarts. */
  static final class OnePluginRuntime implements GreenroomRuntime {
    final List<String> restarted = new ArrayList<>();
    final PluginDTO catalog = new PluginDTO("catalog", FeatureState.RUNNING, "catalog 1.0.0 [7]", List.of(), null, 1, 2, 1);

    @Override
    public List<PluginDTO> plugins() {
      return List.of(catalog);
    }

    @Override
    public Optional<PluginDTO> plugin(String pluginId) {
      return pluginId.equals("catalog") ? Optional.of(catalog) : Optional.empty();
    }

    @Override
    public List<ExtensionPointDTO> extensionPoints() {
      return List.of();
    }

    @Override
    public List<ServiceDTO> services() {
      return List.of();
    }

    @Override
    public DiagnosisDTO diagnose(String pluginId) {
      return new DiagnosisDTO(pluginId, FeatureState.RUNNING,
          List.of(new DiagnosisDTO.Reason(DiagnosisDTO.ReasonCode.RUNNING, pluginId, "running")));
    }

    @Override
    public PluginDTO restart(String pluginId) {
      restarted.add(pluginId);
      return catalog;
    }

    @Override
    public DeployFolderDTO deployFolder() {
      return new DeployFolderDTO("deploy", 2, List.of(new DeployProblemDTO("/srv/deploy/broken.jar",
          DeployProblemDTO.ReasonCode.UNRESOLVED, "com.example.broken 1.0.0 [42]", "osgi.wiring.package; (osgi.wiring.package=x)",
          "Unresolved broken.jar: bundle com.example.broken 1.0.0 [42] cannot resolve: missing requirement osgi.wiring.package; (osgi.wiring.package=x)", 5)));
    }
  }

  private final EmbeddedJetty jetty = new EmbeddedJetty();
  private final HttpClient client = HttpClient.newHttpClient();
  private final OnePluginRuntime runtime = new OnePluginRuntime();

  private TestBackend start() {
    TestBackend.Builder b = TestBackend.builder().config(Map.of("backend", Map.of(
        "listen", Map.of("host", "127.0.0.1", "port", 0),
        "auth", Map.of("externalAccess", List.of(Map.of(
            "type", "static", "options", Map.of("token", TOKEN, "subject", "admin-tool")))))));
    for (ServiceFactory<?> f : HttpServices.factories(jetty)) {
      b.defaultService(f);
    }
    for (ServiceFactory<?> f : AuthServiceFactories.all()) {
      b.defaultService(f);
    }
    return b.add(new StatePlugin(runtime)).start();
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jetty.port() + "/api/greenroom" + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStaticTokenReadsTheStateAsJson() throws Exception {
    try (TestBackend backend = start()) {
      HttpResponse<String> plugins = send("GET", "/v1/plugins", TOKEN);
      assertEquals(200, plugins.statusCode(), plugins.body());
      List<?> list = JSON.readValue(plugins.body(), List.class);
      assertEquals("catalog", ((Map<?, ?>) list.get(0)).get("pluginId"));
      assertEquals("RUNNING", ((Map<?, ?>) list.get(0)).get("state"));

      HttpResponse<String> diag = send("GET", "/v1/plugins/catalog/diagnosis", TOKEN);
      assertEquals("RUNNING", ((Map<?, ?>) ((List<?>) JSON.readValue(diag.body(), Map.class).get("reasons")).get(0)).get("code"));

      HttpResponse<String> unknown = send("GET", "/v1/plugins/nope", TOKEN);
      assertEquals(404, unknown.statusCode());
      assertEquals(Map.of("name", "NotFoundError", "message", "No plugin with id 'nope'"),
          JSON.readValue(unknown.body(), Map.class).get("error"));
    }
  }

  @Test
  void theDeployFolderWithItsProblemsIsJson() throws Exception {
    try (TestBackend backend = start()) {
      assertEquals(401, send("GET", "/v1/deploy", null).statusCode());
      HttpResponse<String> r = send("GET", "/v1/deploy", TOKEN);
      assertEquals(200, r.statusCode(), r.body());
      Map<?, ?> folder = JSON.readValue(r.body(), Map.class);
      assertEquals("deploy", folder.get("folder"));
      assertEquals(2, folder.get("installedBundles"));
      Map<?, ?> problem = (Map<?, ?>) ((List<?>) folder.get("problems")).get(0);
      assertEquals("UNRESOLVED", problem.get("code"));
      assertEquals("com.example.broken 1.0.0 [42]", problem.get("bundle"));
      assertEquals("osgi.wiring.package; (osgi.wiring.package=x)", problem.get("requirement"));
      assertEquals("/srv/deploy/broken.jar", problem.get("file"));
    }
  }

  @Test
  void restartNeedsServiceCredentialsAndRefusesItself() throws Exception {
    try (TestBackend backend = start()) {
      assertEquals(401, send("POST", "/v1/plugins/catalog/restart", null).statusCode());
      assertEquals(401, send("POST", "/v1/plugins/catalog/restart", "wrong-token-value").statusCode());
      assertEquals(List.of(), runtime.restarted);

      HttpResponse<String> ok = send("POST", "/v1/plugins/catalog/restart", TOKEN);
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals(List.of("catalog"), runtime.restarted);

      HttpResponse<String> self = send("POST", "/v1/plugins/greenroom/restart", TOKEN);
      assertEquals(409, self.statusCode());
      assertEquals("ConflictError", ((Map<?, ?>) JSON.readValue(self.body(), Map.class).get("error")).get("name"));
    }
  }

  @Test
  void withoutCredentialsTheBarrierAnswers401() throws Exception {
    try (TestBackend backend = start()) {
      HttpResponse<String> r = send("GET", "/v1/plugins", null);
      assertEquals(401, r.statusCode());
      assertEquals(Map.of("name", "AuthenticationError", "message", "Missing credentials"),
          JSON.readValue(r.body(), Map.class).get("error"));
    }
  }
}
