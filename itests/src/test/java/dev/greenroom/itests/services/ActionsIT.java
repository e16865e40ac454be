package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.greenroom.itests.HttpTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * Actions and MCP in Felix (bundles greenroom-actions and greenroom-mcp-actions): fixture plugin
 * {@code greeter} registers {@code greeter:greet}; its own routes list and invoke it, with a 400
 * naming the field for bad input, and plugin {@code mcp-actions} lists it as a tool and calls it
 * through {@code alpha.core.actions} over HTTP, all with the static token of the config.
 */
public class ActionsIT extends HttpTestSupport {
  private static final String ACTIONS = "/api/greeter/.backstage/actions/v1/actions";
  private static final String MCP = "/api/mcp-actions/v1";

  @Override
  protected String configYaml() {
    return super.configYaml().replaceFirst("backend:\n", "backend:\n  actions:\n    pluginSources: [greeter]\n");
  }

  @Override
  protected Option[] moreOptions() {
    return new Option[] {fixtureBundle("actions-plugin")};
  }

  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  private Answer post(String path, String json, String accept) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort() + path).toURL().openConnection();
    c.setConnectTimeout(10_000);
    c.setReadTimeout(30_000);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Authorization", "Bearer " + TOKEN);
    c.setRequestProperty("Content-Type", "application/json");
    c.setRequestProperty("Accept", accept);
    try (OutputStream out = c.getOutputStream()) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  private Answer mcp(String method, String params) throws IOException {
    return post(MCP, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}",
        "application/json, text/event-stream");
  }

  @Test
  public void thePluginsRouteListsTheAction() throws Exception {
    Answer list = getWithToken(ACTIONS);
    assertEquals(list.body(), 200, list.status());
    assertTrue(list.body(), list.body().startsWith("{\"actions\":[{\"id\":\"greeter:greet\",\"name\":\"greet\",\"title\":\"Greet\","
        + "\"description\":\"Says hello to someone\",\"pluginId\":\"greeter\","
        + "\"attributes\":{\"destructive\":false,\"idempotent\":true,\"readOnly\":true},"));
    assertEquals(401, get(ACTIONS).status());
  }

  @Test
  public void invokeRunsItAndBadInputIs400NamingTheField() throws Exception {
    Answer ok = post(ACTIONS + "/greeter:greet/invoke", "{\"name\":\"Ada\"}", "application/json");
    assertEquals(ok.body(), 200, ok.status());
    assertEquals("{\"output\":{\"greeting\":\"Hello Ada\"}}", ok.body());

    Answer bad = post(ACTIONS + "/greeter:greet/invoke", "{\"name\":5}", "application/json");
    assertEquals(bad.body(), 400, bad.status());
    assertTrue(bad.body(), bad.body().startsWith("{\"error\":{\"name\":\"InputError\",\"message\":"
        + "\"Invalid input to action \\\"greeter:greet\\\"; caused by Error: $.name: integer found, string expected\"}"));

    Answer unknown = post(ACTIONS + "/greeter:nope/invoke", "{}", "application/json");
    assertEquals(unknown.body(), 404, unknown.status());
    assertTrue(unknown.body(), unknown.body().contains("\"message\":\"Action \\\"greeter:nope\\\" not found\""));
  }

  @Test
  public void theMcpEndpointListsTheActionAsAToolAndCallsIt() throws Exception {
    Answer init = mcp("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"itest\",\"version\":\"1\"}}");
    assertEquals(init.body(), 200, init.status());
    assertTrue(init.body(), init.body().contains("\"protocolVersion\":\"2025-06-18\""));

    Answer tools = mcp("tools/list", "{}");
    assertEquals(tools.body(), 200, tools.status());
    assertTrue(tools.body(), tools.body().contains("\"name\":\"greeter_greet\""));
    assertTrue(tools.body(), tools.body().contains("\"description\":\"Says hello to someone\""));

    Answer call = mcp("tools/call", "{\"name\":\"greeter_greet\",\"arguments\":{\"name\":\"Ada\"}}");
    assertEquals(call.body(), 200, call.status());
    assertTrue(call.body(), call.body().contains("\"text\":\"{\\\"greeting\\\":\\\"Hello Ada\\\"}\""));
    assertTrue(call.body(), call.body().contains("\"isError\":false"));

    Answer bad = mcp("tools/call", "{\"name\":\"greeter_greet\",\"arguments\":{\"name\":5}}");
    assertTrue(bad.body(), bad.body().contains("\"isError\":true"));
    assertTrue(bad.body(), bad.body().contains("InputError: Invalid input to action \\\"greeter:greet\\\"; caused by Error: $.name"));
  }
}
