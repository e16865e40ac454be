package dev.greenroom.actions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenroom.backend.api.errors.InputError;
import dev.greenroom.backend.api.services.HttpAuthService;
import dev.greenroom.http.router.RouteRequest;
import dev.greenroom.http.router.Router;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.util.Map;

/**
 * A plugin's action routes, as upstream's registry router: {@code GET
 * /.backstage/actions/v1/actions} lists them, {@code POST
 * /.backstage/actions/v1/actions/<id>/invoke} runs one with the JSON body as input and answers
 * {@code {"output": ...}}. Both need user or service credentials (httpAuth), as upstream.
 */
public final class ActionRoutes {
  /** The list route, relative to the plugin's base URL. */
  public static final String LIST_PATH = "/.backstage/actions/v1/actions";

  private ActionRoutes() {}

  public static HttpServlet servlet(DefaultActionsRegistry registry, HttpAuthService httpAuth) {
    return Router.create(Json.MAPPER)
        .get(LIST_PATH, req -> {
          httpAuth.credentials(req.servletRequest());
          return Map.of("actions", registry.describe());
        })
        .post(LIST_PATH + "/{id}/invoke", req -> {
          var credentials = httpAuth.credentials(req.servletRequest());
          JsonNode output = registry.invoke(req.param("id"), body(req), credentials);
          ObjectNode answer = Json.MAPPER.createObjectNode();
          answer.set("output", output);
          return answer;
        })
        .build();
  }

  /** The request's JSON body; none is an empty object, as Express's json() middleware leaves it. */
  private static JsonNode body(RouteRequest req) throws IOException {
    byte[] bytes = req.servletRequest().getInputStream().readAllBytes();
    if (bytes.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new InputError("Invalid JSON body: " + e.getOriginalMessage());
    }
  }
}
