package dev.greenroom.bench.synthetic;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /hello}: {@code {"plugin":..,"modules":..,"contributions":[..]}}. The JSON is written
 * by hand because the bundle must stay free of imports beyond the API, the servlet API and the
 * framework; the bare-servlet bundle answers through the same class so both load runs serve the
 * same bytes through different stacks.
 */
public final class HelloServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final byte[] body;
  private final boolean anyPath;

  HelloServlet(String pluginId, int modules, List<String> contributions, boolean anyPath) {
    this.body = json(pluginId, modules, contributions).getBytes(StandardCharsets.UTF_8);
    this.anyPath = anyPath;
  }

  static String json(String pluginId, int modules, List<String> contributions) {
    StringBuilder out = new StringBuilder("{\"plugin\":\"").append(pluginId).append("\",\"modules\":")
        .append(modules).append(",\"contributions\":[");
    for (int i = 0; i < contributions.size(); i++) {
      out.append(i == 0 ? "\"" : ",\"").append(contributions.get(i)).append('"');
    }
    return out.append("]}").toString();
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!anyPath && !"/hello".equals(req.getPathInfo())) {
      resp.setStatus(404); // uncommitted 404: the plugin router passes the request on
      return;
    }
    resp.setStatus(200);
    resp.setContentType("application/json");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
