package dev.greenroom.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenroom.auth.AuthServiceFactories;
import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.BackendModule;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.ServiceFactory;
import dev.greenroom.backend.api.services.AuthorizePermissionRequest;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.BackstageUserPrincipal;
import dev.greenroom.backend.api.services.Permission;
import dev.greenroom.backend.api.services.PermissionAction;
import dev.greenroom.backend.api.services.PermissionCondition;
import dev.greenroom.backend.api.services.PermissionCriteria;
import dev.greenroom.backend.api.services.PermissionPolicyExtensionPoint;
import dev.greenroom.backend.api.services.PermissionResourceRef;
import dev.greenroom.backend.api.services.PermissionResourceType;
import dev.greenroom.backend.api.services.PermissionRule;
import dev.greenroom.backend.api.services.PermissionsRegistryService;
import dev.greenroom.backend.api.services.PermissionsService;
import dev.greenroom.backend.api.services.QueryPermissionRequest;
import dev.greenroom.backend.api.services.QueryPermissionResponse;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.router.Router;
import dev.greenroom.http.standalone.EmbeddedJetty;
import dev.greenroom.http.standalone.HttpServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The permission system on real HTTP and auth (embedded Jetty, static tokens): plugin {@code todo}
 * registers a resource type with a rule, a test module of plugin {@code permission} sets a policy
 * with conditional decisions, and Backstage's routes answer with Backstage's bodies.
 */
class PermissionRoutesTest {
  static final String TOKEN = "static-token-for-tests";
  static final ObjectMapper JSON = new ObjectMapper();

  static final Permission LIST_READ = Permission.basic("todo.list.read", PermissionAction.READ);
  static final Permission ITEM_DELETE = Permission.resource("todo.item.delete", PermissionAction.DELETE, "todo-item");
  static final PermissionResourceRef<Item, String> ITEMS_REF = PermissionResourceRef.of("todo", "todo-item");

  record Item(String owner) {}

  static final Map<String, Item> ITEMS = Map.of("a", new Item("user:default/alice"), "b", new Item("user:default/bob"));

  static final PermissionRule<Item, String> IS_OWNER = PermissionRule.create(
      "IS_OWNER", "Allow the item's owner", "todo-item",
      Map.of("type", "object", "properties", Map.of("owner", Map.of("type", "string")),
          "required", List.of("owner"), "additionalProperties", false),
      (item, params) -> item.owner().equals(params.get("owner")),
      params -> PermissionCriteria.of("owner = " + params.get("owner")));

  /** Alice may read lists; everyone may delete their own items. */
  static final BackendFeature POLICY_MODULE = BackendModule.create("permission", "test-policy", env ->
      env.registerInit(PermissionPolicyExtensionPoint.POLICY, policy -> policy.setPolicy((request, user) -> {
        if (request.permission().is(ITEM_DELETE)) {
          String owner = user == null ? "nobody" : user.userEntityRef();
          return QueryPermissionResponse.conditional("todo", "todo-item",
              PermissionCriteria.of(new PermissionCondition("IS_OWNER", "todo-item", Map.of("owner", owner))));
        }
        return user != null && user.userEntityRef().equals("user:default/alice")
            ? QueryPermissionResponse.allow() : QueryPermissionResponse.deny();
      })));

  final EmbeddedJetty jetty = new EmbeddedJetty();
  final HttpClient client = HttpClient.newHttpClient();
  final AtomicReference<PermissionsService> permissions = new AtomicReference<>();
  TestBackend backend;

  BackendFeature todoPlugin() {
    return BackendPlugin.create("todo", env -> env.registerInit(
        Deps.of(CoreServices.PERMISSIONS_REGISTRY, CoreServices.PERMISSIONS, CoreServices.HTTP_ROUTER),
        deps -> {
          PermissionsRegistryService registry = deps.get(CoreServices.PERMISSIONS_REGISTRY);
          registry.addResourceType(PermissionResourceType.of(ITEMS_REF, List.of(ITEM_DELETE), List.of(IS_OWNER),
              refs -> refs.stream().map(ITEMS::get).toList()));
          registry.addPermissions(List.of(LIST_READ));
          PermissionsService service = deps.get(CoreServices.PERMISSIONS);
          permissions.set(service);
          deps.get(CoreServices.HTTP_ROUTER).use(Router.create()
              // a fixture route: decides for the user named in the path, never do this in a plugin
              .get("/probe/{user}/{item}", req -> service.authorize(
                  List.of(AuthorizePermissionRequest.of(ITEM_DELETE, req.param("item"))), user(req.param("user")))
                  .get(0).result().name())
              .post("/late", req -> {
                try {
                  registry.addPermissions(List.of(Permission.basic("todo.late", null)));
                  return "added";
                } catch (IllegalStateException e) {
                  return e.getMessage();
                }
              })
              .build());
        }));
  }

  static BackstageCredentials<BackstageUserPrincipal> user(String name) {
    return new BackstageCredentials<>(new BackstageUserPrincipal("user:default/" + name), null);
  }

  TestBackend start(boolean disableDefaultAuthPolicy) {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("externalAccess", List.of(Map.of("type", "static", "options", Map.of("token", TOKEN, "subject", "tests"))));
    auth.put("dangerouslyDisableDefaultAuthPolicy", disableDefaultAuthPolicy);
    TestBackend.Builder b = TestBackend.builder().config(Map.of(
        "backend", Map.of("listen", Map.of("host", "127.0.0.1", "port", 0), "auth", auth),
        "permission", Map.of("enabled", true)));
    HttpServices.factories(jetty).forEach(b::defaultService);
    AuthServiceFactories.all().forEach(b::defaultService);
    PermissionServiceFactories system = PermissionServiceFactories.create();
    for (ServiceFactory<?> f : system.factories()) {
      b.defaultService(f);
    }
    backend = b.add(system.plugin()).add(POLICY_MODULE).add(todoPlugin()).start();
    return backend;
  }

  @AfterEach
  void stop() {
    if (backend != null) {
      backend.close();
    }
  }

  HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jetty.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      r.header("Content-Type", "application/json");
    }
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<?, ?> error(HttpResponse<String> r) throws Exception {
    return (Map<?, ?>) JSON.readValue(r.body(), Map.class).get("error");
  }

  static String applyBody(String conditions) {
    return "{\"items\":[{\"id\":\"1\",\"resourceRef\":\"a\",\"resourceType\":\"todo-item\",\"conditions\":" + conditions + "}]}";
  }

  @Test
  void theMetadataRouteListsThePluginsPermissionsAndRules() throws Exception {
    start(false);
    HttpResponse<String> r = send("GET", "/api/todo/.well-known/backstage/permissions/metadata", TOKEN, null);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(JSON.readTree("{\"permissions\":["
        + "{\"type\":\"resource\",\"name\":\"todo.item.delete\",\"attributes\":{\"action\":\"delete\"},\"resourceType\":\"todo-item\"},"
        + "{\"type\":\"basic\",\"name\":\"todo.list.read\",\"attributes\":{\"action\":\"read\"}}],"
        + "\"rules\":[{\"name\":\"IS_OWNER\",\"description\":\"Allow the item's owner\",\"resourceType\":\"todo-item\","
        + "\"paramsSchema\":{\"type\":\"object\",\"properties\":{\"owner\":{\"type\":\"string\"}},\"required\":[\"owner\"],"
        + "\"additionalProperties\":false}}]}"), JSON.readTree(r.body()));
    assertEquals(401, send("GET", "/api/todo/.well-known/backstage/permissions/metadata", null, null).statusCode());
  }

  @Test
  void applyConditionsAppliesTheRulesToTheLoadedResources() throws Exception {
    start(false);
    String body = "{\"items\":["
        + "{\"id\":\"1\",\"resourceRef\":\"a\",\"resourceType\":\"todo-item\",\"conditions\":{\"rule\":\"IS_OWNER\",\"resourceType\":\"todo-item\",\"params\":{\"owner\":\"user:default/alice\"}}},"
        + "{\"id\":\"2\",\"resourceRef\":\"b\",\"resourceType\":\"todo-item\",\"conditions\":{\"rule\":\"IS_OWNER\",\"resourceType\":\"todo-item\",\"params\":{\"owner\":\"user:default/alice\"}}},"
        + "{\"id\":\"3\",\"resourceRef\":\"b\",\"resourceType\":\"todo-item\",\"conditions\":{\"not\":{\"rule\":\"IS_OWNER\",\"resourceType\":\"todo-item\",\"params\":{\"owner\":\"user:default/alice\"}}}},"
        + "{\"id\":\"4\",\"resourceRef\":\"missing\",\"resourceType\":\"todo-item\",\"conditions\":{\"not\":{\"rule\":\"IS_OWNER\",\"resourceType\":\"todo-item\",\"params\":{\"owner\":\"x\"}}}}]}";
    HttpResponse<String> r = send("POST", "/api/todo/.well-known/backstage/permissions/apply-conditions", TOKEN, body);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(JSON.readTree("{\"items\":[{\"id\":\"1\",\"result\":\"ALLOW\"},{\"id\":\"2\",\"result\":\"DENY\"},"
        + "{\"id\":\"3\",\"result\":\"ALLOW\"},{\"id\":\"4\",\"result\":\"DENY\"}]}"), JSON.readTree(r.body()));
  }

  @Test
  void applyConditionsRefusesBadInputWithBackstagesErrors() throws Exception {
    start(false);
    String path = "/api/todo/.well-known/backstage/permissions/apply-conditions";
    HttpResponse<String> type = send("POST", path, TOKEN,
        "{\"items\":[{\"id\":\"1\",\"resourceRef\":\"a\",\"resourceType\":\"nope\",\"conditions\":{\"rule\":\"IS_OWNER\",\"resourceType\":\"nope\"}}]}");
    assertEquals(400, type.statusCode());
    assertEquals(Map.of("name", "InputError", "message", "Unexpected resource types: nope."), error(type));

    HttpResponse<String> malformed = send("POST", path, TOKEN, "{\"entries\":[]}");
    assertEquals(400, malformed.statusCode());
    assertEquals(Map.of("name", "InputError", "message", "Invalid request body: 'items' must be an array"), error(malformed));

    HttpResponse<String> criteria = send("POST", path, TOKEN, applyBody("{\"allOf\":[]}"));
    assertEquals(Map.of("name", "InputError", "message", "Invalid request body: 'items[0].conditions.allOf' must be a non-empty array"), error(criteria));

    HttpResponse<String> rule = send("POST", path, TOKEN, applyBody("{\"rule\":\"NOPE\",\"resourceType\":\"todo-item\"}"));
    assertEquals(400, rule.statusCode());
    assertEquals(Map.of("name", "InputError", "message", "Permission rule 'NOPE' does not exist for resource type 'todo-item'"), error(rule));

    HttpResponse<String> params = send("POST", path, TOKEN, applyBody("{\"rule\":\"IS_OWNER\",\"resourceType\":\"todo-item\",\"params\":{\"owner\":7}}"));
    assertEquals(400, params.statusCode());
    assertEquals("Parameters to rule are invalid: rule 'IS_OWNER' of resource type 'todo-item': $.owner: integer found, string expected",
        error(params).get("message"));

    HttpResponse<String> notJson = send("POST", path, TOKEN, "{");
    assertEquals(400, notJson.statusCode());
  }

  @Test
  void thePluginAppliesConditionalDecisionsInProcess() throws Exception {
    start(false);
    assertEquals("\"ALLOW\"", send("GET", "/api/todo/probe/alice/a", TOKEN, null).body());
    assertEquals("\"DENY\"", send("GET", "/api/todo/probe/alice/b", TOKEN, null).body());
    assertEquals("\"DENY\"", send("GET", "/api/todo/probe/alice/missing", TOKEN, null).body());
    assertEquals("\"ALLOW\"", send("GET", "/api/todo/probe/bob/b", TOKEN, null).body());

    QueryPermissionResponse conditional =
        permissions.get().authorizeConditional(List.of(new QueryPermissionRequest(ITEM_DELETE)), user("carol")).get(0);
    assertEquals(QueryPermissionResponse.conditional("todo", "todo-item",
        PermissionCriteria.of(new PermissionCondition("IS_OWNER", "todo-item", Map.of("owner", "user:default/carol")))), conditional);
  }

  @Test
  void registrationsCloseWhenThePluginHasStarted() throws Exception {
    start(false);
    assertEquals("\"Cannot add permissions after the plugin has started\"", send("POST", "/api/todo/late", TOKEN, "{}").body());
  }

  @Test
  void authorizeAnswersUsersNotServices() throws Exception {
    start(false);
    HttpResponse<String> r = send("POST", "/api/permission/authorize", TOKEN,
        "{\"items\":[{\"id\":\"1\",\"permission\":{\"type\":\"basic\",\"name\":\"todo.list.read\",\"attributes\":{}}}]}");
    assertEquals(403, r.statusCode());
    assertEquals(Map.of("name", "NotAllowedError", "message", "This endpoint does not allow 'service' credentials"), error(r));
    assertEquals("{\"status\":\"ok\"}", send("GET", "/api/permission/health", TOKEN, null).body());
  }

  @Test
  void authorizeDecidesAndRefusesUnknownPermissionsAndMalformedBodies() throws Exception {
    start(true); // no default auth policy: requests without credentials reach the route as 'none'
    String path = "/api/permission/authorize";
    HttpResponse<String> ok = send("POST", path, null, "{\"items\":["
        + "{\"id\":\"a\",\"permission\":{\"type\":\"basic\",\"name\":\"todo.list.read\",\"attributes\":{\"action\":\"read\"}}},"
        + "{\"id\":\"b\",\"permission\":{\"type\":\"resource\",\"name\":\"todo.item.delete\",\"attributes\":{\"action\":\"delete\"},\"resourceType\":\"todo-item\"}},"
        + "{\"id\":\"c\",\"permission\":{\"type\":\"resource\",\"name\":\"todo.item.delete\",\"attributes\":{},\"resourceType\":\"todo-item\"},\"resourceRef\":\"a\"}]}");
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(JSON.readTree("{\"items\":[{\"id\":\"a\",\"result\":\"DENY\"},"
        + "{\"id\":\"b\",\"result\":\"CONDITIONAL\",\"pluginId\":\"todo\",\"resourceType\":\"todo-item\","
        + "\"conditions\":{\"rule\":\"IS_OWNER\",\"resourceType\":\"todo-item\",\"params\":{\"owner\":\"nobody\"}}},"
        + "{\"id\":\"c\",\"result\":\"DENY\"}]}"), JSON.readTree(ok.body()));

    HttpResponse<String> unknown = send("POST", path, null,
        "{\"items\":[{\"id\":\"1\",\"permission\":{\"type\":\"basic\",\"name\":\"todo.list.raed\",\"attributes\":{}}}]}");
    assertEquals(400, unknown.statusCode());
    assertEquals(Map.of("name", "InputError", "message", "Unknown permission 'todo.list.raed': no running plugin registered it"), error(unknown));

    HttpResponse<String> wrongType = send("POST", path, null,
        "{\"items\":[{\"id\":\"1\",\"permission\":{\"type\":\"basic\",\"name\":\"todo.item.delete\",\"attributes\":{}}}]}");
    assertEquals(Map.of("name", "InputError", "message", "Permission 'todo.item.delete' is registered as a resource permission "
        + "of type 'todo-item', but was requested as a basic permission"), error(wrongType));

    HttpResponse<String> action = send("POST", path, null,
        "{\"items\":[{\"id\":\"1\",\"permission\":{\"type\":\"basic\",\"name\":\"todo.list.read\",\"attributes\":{\"action\":\"write\"}}}]}");
    assertEquals(Map.of("name", "InputError", "message", "Invalid request body: 'items[0].permission.attributes.action' of permission "
        + "'todo.list.read' must be one of 'create', 'read', 'update', 'delete', got 'write'"), error(action));

    HttpResponse<String> noName = send("POST", path, null, "{\"items\":[{\"id\":\"1\",\"permission\":{\"type\":\"basic\",\"attributes\":{}}}]}");
    assertEquals(400, noName.statusCode());
    assertEquals(Map.of("name", "InputError", "message", "Invalid request body: 'items[0].permission.name' must be a string"), error(noName));
  }
}
