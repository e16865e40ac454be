package dev.greenroom.mcp.actions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.actions.ActionsServiceFactories;
import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.ActionsRegistryActionOptions;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.test.MockCredentials;
import dev.greenroom.backend.test.TestBackend;
import dev.greenroom.backend.test.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JSON-RPC exchanges with plugin mcp-actions over real HTTP, a plugin {@code my-plugin} registering
 * actions behind it: the MCP SDK's protocol answers and upstream's tool shapes and error texts
 * (plugins/mcp-actions-backend/src/services/McpService.test.ts).
 */
@Timeout(60)
class McpEndpointTest {
  private static final String MCP = "/api/mcp-actions/v1";
  private static final String ACCEPT = "application/json, text/event-stream";

  record Greet(String name) {}

  private final List<BackstageCredentials<?>> callers = new CopyOnWriteArrayList<>();
  private TestBackend backend;

  @BeforeEach
  void start() {
    BackendPlugin plugin = BackendPlugin.create("my-plugin", env -> env.registerInit(CoreServices.ACTIONS_REGISTRY, registry -> {
      registry.register(ActionsRegistryActionOptions.builder("greet")
          .title("Greet")
          .description("Says hello")
          .input(Greet.class)
          .inputSchema("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}")
          .readOnly(true)
          .idempotent(true)
          .action(ctx -> {
            callers.add(ctx.credentials());
            return Map.of("greeting", "Hello " + ctx.input().name());
          })
          .build());
      registry.register(ActionsRegistryActionOptions.builder("boom")
          .title("Boom")
          .description("Fails without a Backstage error")
          .action(ctx -> {
            throw new IllegalStateException("kaput");
          })
          .build());
    }));
    backend = TestBackend.builder()
        .add(plugin)
        .add(new McpActionsPlugin())
        .add(ActionsServiceFactories.registry())
        .add(ActionsServiceFactories.actions())
        .config(Map.of("backend", Map.of("actions", Map.of("pluginSources", List.of("my-plugin")))))
        .start();
  }

  @AfterEach
  void stop() {
    backend.close();
  }

  private TestResponse rpc(String json) {
    return backend.http().post(MCP).header("Accept", ACCEPT).credentials(MockCredentials.user()).body(json, "application/json").send();
  }

  private JsonNode result(String method, String params) {
    TestResponse r = rpc("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}");
    assertEquals(200, r.status(), r.body());
    assertEquals(7, r.json().path("id").asInt(), r.body());
    return r.json().path("result");
  }

  @Test
  void initializeAgreesOnTheClientsProtocolVersionAndAnnouncesTools() {
    JsonNode init = result("initialize",
        "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}");
    assertEquals("2025-06-18", init.path("protocolVersion").asText());
    assertEquals("backstage", init.path("serverInfo").path("name").asText());
    assertTrue(init.path("capabilities").has("tools"), init.toString());
  }

  @Test
  void anUnknownProtocolVersionGetsTheServersLatest() {
    JsonNode init = result("initialize",
        "{\"protocolVersion\":\"1999-01-01\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}");
    assertEquals("2025-11-25", init.path("protocolVersion").asText());
  }

  @Test
  void notificationsAreAcceptedAndPingAnswers() {
    TestResponse notification = rpc("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertEquals(202, notification.status(), notification.body());
    assertEquals("{}", result("ping", "{}").toString());
  }

  @Test
  void toolsListShowsEveryActionAsATool() {
    JsonNode tools = result("tools/list", "{}").path("tools");
    assertEquals(2, tools.size(), tools.toString());
    JsonNode greet = tools.get(0);
    assertEquals("my_plugin_greet", greet.path("name").asText());
    assertEquals("Says hello", greet.path("description").asText());
    assertEquals("string", greet.path("inputSchema").path("properties").path("name").path("type").asText());
    assertEquals("{\"title\":\"Greet\",\"readOnlyHint\":true,\"destructiveHint\":false,\"idempotentHint\":true,\"openWorldHint\":false}",
        greet.path("annotations").toString());
    assertEquals("my_plugin_boom", tools.get(1).path("name").asText());
  }

  @Test
  void toolsCallInvokesTheActionOnBehalfOfTheCaller() {
    JsonNode call = result("tools/call", "{\"name\":\"my_plugin_greet\",\"arguments\":{\"name\":\"Ada\"}}");
    assertFalse(call.path("isError").asBoolean(), call.toString());
    assertEquals("{\"greeting\":\"Hello Ada\"}", call.path("content").get(0).path("text").asText());
    assertEquals("text", call.path("content").get(0).path("type").asText());
    assertEquals(1, callers.size());
  }

  @Test
  void theLegacyToolNameStillCalls() {
    JsonNode call = result("tools/call", "{\"name\":\"my-plugin.greet\",\"arguments\":{\"name\":\"Bob\"}}");
    assertEquals("{\"greeting\":\"Hello Bob\"}", call.path("content").get(0).path("text").asText());
  }

  @Test
  void badInputIsAToolErrorNamingTheActionAndTheField() {
    JsonNode call = result("tools/call", "{\"name\":\"my_plugin_greet\",\"arguments\":{\"name\":5}}");
    assertTrue(call.path("isError").asBoolean(), call.toString());
    assertEquals("InputError: Invalid input to action \"my-plugin:greet\"; caused by Error: $.name: integer found, string expected",
        call.path("content").get(0).path("text").asText());
  }

  @Test
  void anUnknownToolIsAToolErrorNamingIt() {
    JsonNode call = result("tools/call", "{\"name\":\"nope\",\"arguments\":{}}");
    assertTrue(call.path("isError").asBoolean(), call.toString());
    assertEquals("NotFoundError: Action \"nope\" not found", call.path("content").get(0).path("text").asText());
  }

  @Test
  void anActionFailingOtherwiseIsAJsonRpcError() {
    TestResponse r = rpc("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"my_plugin_boom\",\"arguments\":{}}}");
    assertEquals(200, r.status(), r.body());
    assertEquals(-32603, r.json().path("error").path("code").asInt(), r.body());
    assertTrue(backend.logs().messages().stream().anyMatch(m -> m.startsWith("Request failed with status 500")),
        backend.logs().messages().toString());
  }

  @Test
  void anUnknownMethodIsMethodNotFound() {
    TestResponse r = rpc("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/list\",\"params\":{}}");
    assertEquals(-32601, r.json().path("error").path("code").asInt(), r.body());
  }

  @Test
  void theAcceptHeaderMustNameJsonAndEventStream() {
    TestResponse r = backend.http().post(MCP).header("Accept", "application/json").credentials(MockCredentials.user())
        .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "application/json").send();
    assertEquals(400, r.status());
    assertEquals("Both application/json and text/event-stream required in Accept header",
        r.json().path("message").asText(r.json().path("error").path("message").asText()), r.body());
  }

  @Test
  void malformedMessagesAreJsonRpcErrorsWithoutReachingTheSdk() {
    TestResponse notJson = rpc("{\"jsonrpc\":");
    assertEquals(400, notJson.status());
    assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}", notJson.body());
    for (String invalid : List.of("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}")) {
      TestResponse r = rpc(invalid);
      assertEquals(400, r.status());
      assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}", r.body());
    }
  }

  @Test
  void getAndDeleteAre405AsUpstream() {
    for (TestResponse r : List.of(
        backend.http().get(MCP).credentials(MockCredentials.user()).send(),
        backend.http().delete(MCP).credentials(MockCredentials.user()).send())) {
      assertEquals(405, r.status());
      assertEquals("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Method not allowed.\"},\"id\":null}", r.body());
    }
  }

  @Test
  void callersNeedCredentials() {
    TestResponse r = backend.http().post(MCP).header("Accept", ACCEPT).credentials(MockCredentials.none())
        .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "application/json").send();
    assertEquals(401, r.status());
    assertEquals("Missing credentials", r.json().path("error").path("message").asText());
  }
}
