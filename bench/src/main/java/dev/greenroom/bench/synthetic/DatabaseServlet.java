package dev.greenroom.bench.synthetic;

import dev.greenroom.backend.api.services.DatabaseService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code GET /hello}: {@code select 1} on a connection of the plugin's database per request. */
final class DatabaseServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient DatabaseService db;
  private final byte[] body;

  DatabaseServlet(String pluginId, DatabaseService db) {
    this.db = db;
    this.body = ("{\"plugin\":\"" + pluginId + "\",\"database\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/hello".equals(req.getPathInfo())) {
      resp.setStatus(404);
      return;
    }
    try (Connection c = db.getClient().getConnection(); Statement s = c.createStatement()) {
      s.execute("select 1");
    } catch (SQLException e) {
      resp.sendError(500, "database: " + e.getMessage());
      return;
    }
    resp.setStatus(200);
    resp.setContentType("application/json");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
