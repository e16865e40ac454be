package dev.greenroom.http.internal;

import dev.greenroom.backend.api.errors.NotFoundError;
import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootHttpRouterService;
import dev.greenroom.http.standalone.PluginPresence;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The root context of the {@code core.httpRouter} factory: one {@link PluginSlot} per plugin id,
 * each mounted once at {@code /api/<pluginId>} on the root router, so that a new instance of the
 * same plugin (a restart) reuses the mount instead of conflicting with it.
 */
public final class PluginSlots {
  static final String JWKS_PATH = "/.backstage/auth/v1/jwks.json";

  private final RootHttpRouterService rootRouter;
  private final Duration pauseTimeout;
  private final LoggerService logger;
  private final Map<String, PluginSlot> slots = new ConcurrentHashMap<>();

  private final PluginPresence presence;
  private volatile boolean backendStopping;

  public PluginSlots(RootHttpRouterService rootRouter, RootConfigService config, LoggerService logger) {
    this(rootRouter, config, logger, PluginPresence.ALWAYS);
  }

  public PluginSlots(
      RootHttpRouterService rootRouter, RootConfigService config, LoggerService logger, PluginPresence presence) {
    this.presence = presence;
    this.rootRouter = rootRouter;
    this.pauseTimeout =
        ConfigValues.duration(config, "backend.lifecycle.startupRequestPauseTimeout", Duration.ofSeconds(5));
    this.logger = logger;
  }

  /** The slot of {@code pluginId}, mounted on first use. */
  public PluginSlot slot(String pluginId) {
    return slots.computeIfAbsent(pluginId, id -> {
      PluginSlot slot = new PluginSlot(id, pauseTimeout, presence);
      if (backendStopping) {
        slot.backendStopping();
      }
      rootRouter.use("/api/" + id, new SlotServlet(slot, logger));
      return slot;
    });
  }

  /**
   * The backend is stopping (root before-shutdown): plugin shutdowns from now on answer 503 at once
   * instead of holding requests for a restart.
   */
  public void backendStopping() {
    backendStopping = true;
    slots.values().forEach(PluginSlot::backendStopping);
  }

  /** Serves one slot: the JWKS route (outside the gate and barrier), then the gate, then the router. */
  private static final class SlotServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Restarts in a row a single request may ride through before it fails. */
    private static final int MAX_ATTEMPTS = 5;
    private final transient PluginSlot slot;
    private final transient LoggerService logger;

    SlotServlet(PluginSlot slot, LoggerService logger) {
      this.slot = slot;
      this.logger = logger;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
      try {
        if ("GET".equals(request.getMethod()) && JWKS_PATH.equals(rest)) {
          PluginRouter current = slot.current();
          PluginRouter router = current != null ? current : slot.awaitRouter();
          if (router == null) {
            throw removed(request);
          }
          Json.write(response, 200, Map.of("keys", router.auth().listPublicServiceKeys()));
          return;
        }
        serveWithRetry(request, response, rest);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ErrorResponses.send(request, response, e, logger);
      } catch (Exception e) {
        ErrorResponses.send(request, response, e, logger);
      }
    }
  
    /**
     * Serves with the slot's current instance. A request that picked the old instance just before
     * it shut down finds its handler removed before it ran: it is served again by the next
     * instance (held like any request during a restart) instead of failing.
     */
    private void serveWithRetry(HttpServletRequest request, HttpServletResponse response, String rest)
        throws Exception {
      for (int attempt = 1; ; attempt++) {
        PluginRouter router = slot.awaitRouter();
        if (router == null) {
          throw removed(request);
        }
        try {
          router.handle(request, response, request.getServletPath(), rest);
          return;
        } catch (HandlerRemovedException gone) {
          if (response.isCommitted() || attempt >= MAX_ATTEMPTS) {
            throw gone;
          }
          // the removed handler never ran; keep the chain's headers (security, CORS)
          response.resetBuffer();
        }
      }
    }

    /** The plugin is gone: the same JSON 404 as a path no plugin ever mounted. */
    private static NotFoundError removed(HttpServletRequest request) {
      return new NotFoundError("Not found: " + request.getMethod() + " " + request.getRequestURI());
    }
  }
}
