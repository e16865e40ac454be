package dev.greenroom.mcp.actions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenroom.backend.api.services.BackstageCredentials;
import dev.greenroom.backend.api.services.HttpAuthService;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The MCP endpoint, {@code /v1} below the plugin's base URL: Model Context Protocol over
 * streamable HTTP, stateless as upstream's createStreamableRouter
 * (plugins/mcp-actions-backend/src/routers/createStreamableRouter.ts). Each POST carries one
 * JSON-RPC message and is answered on its own by a server of the official MCP Java SDK built for
 * that request and caller: the SDK does the protocol (initialize and version negotiation, ping,
 * tools/list, tools/call, JSON-RPC errors, the Accept header rule); the tools are the actions the
 * caller may see, listed through {@code alpha.core.actions} only when the message is a tools call.
 * GET and DELETE (server-sent streams, sessions) are refused with 405, as upstream.
 */
final class McpEndpoint extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/v1";

  private final transient HttpAuthService httpAuth;
  private final transient ActionTools tools;
  private final transient McpSettings settings;
  private final String version;

  McpEndpoint(HttpAuthService httpAuth, ActionTools tools, McpSettings settings, String version) {
    this.httpAuth = httpAuth;
    this.tools = tools;
    this.settings = settings;
    this.version = version;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    String path = request.getPathInfo();
    if (!PATH.equals(path)) {
      response.setStatus(404); // not ours: the plugin router passes it on
      return;
    }
    switch (request.getMethod()) {
      case "POST" -> post(request, response);
      case "GET", "DELETE" -> methodNotAllowed(response);
      default -> response.setStatus(404);
    }
  }

  private void post(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    BackstageCredentials<?> credentials = httpAuth.credentials(request);
    byte[] body = request.getInputStream().readAllBytes();
    JsonNode message;
    try {
      message = JacksonJsonMapper.INSTANCE.objectMapper().readTree(body);
    } catch (IOException notJson) {
      // answered here: the SDK would log an error line for every malformed request
      jsonRpcError(response, 400, -32700, "Parse error");
      return;
    }
    if (message == null || !message.isObject() || !message.path("method").isTextual()) {
      // the server takes one request or notification per POST (no batches, no responses)
      jsonRpcError(response, 400, -32600, "Invalid Request");
      return;
    }
    McpSchema.Implementation info = new McpSchema.Implementation(settings.name(), null, version, settings.description(), null, null);
    HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
        .jsonMapper(JacksonJsonMapper.INSTANCE)
        .messageEndpoint(PATH)
        .contextExtractor(r -> McpTransportContext.create(Map.of(ActionTools.CREDENTIALS, credentials)))
        .build();
    McpServer.sync(transport)
        .serverInfo(info)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .jsonMapper(JacksonJsonMapper.INSTANCE)
        .jsonSchemaValidator(ChecksInActions.INSTANCE)
        .validateToolInputs(false)
        .immediateExecution(true) // the handlers run in this request's thread: no reactor worker threads
        .tools(toolsFor(message, credentials))
        .build();
    transport.service(new BufferedBody(request, body), response);
  }

  /** The tools the message needs: the caller's actions for tools/list, the named one for tools/call, else none. */
  private List<SyncToolSpecification> toolsFor(JsonNode message, BackstageCredentials<?> credentials) {
    String method = message.path("method").asText("");
    if (method.equals(McpSchema.METHOD_TOOLS_LIST)) {
      return tools.forCaller(credentials);
    }
    if (method.equals(McpSchema.METHOD_TOOLS_CALL) && message.path("params").path("name").isTextual()) {
      return tools.forCall(credentials, message.path("params").path("name").asText());
    }
    return List.of();
  }

  /** Upstream's answer to GET and DELETE: 405 with a JSON-RPC error. */
  private static void methodNotAllowed(HttpServletResponse response) throws IOException {
    jsonRpcError(response, 405, -32000, "Method not allowed.");
  }

  /** A JSON-RPC error answer with no id, as upstream's mcpHttpErrorResponses.ts writes them. */
  private static void jsonRpcError(HttpServletResponse response, int status, int code, String message) throws IOException {
    var error = JacksonJsonMapper.INSTANCE.objectMapper().createObjectNode();
    error.put("jsonrpc", "2.0");
    error.putObject("error").put("code", code).put("message", message);
    error.putNull("id");
    byte[] bytes = JacksonJsonMapper.INSTANCE.objectMapper().writeValueAsBytes(error);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** The request with its body already read: the SDK's transport reads it again. */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
