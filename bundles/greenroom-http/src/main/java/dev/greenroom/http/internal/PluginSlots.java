package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.api.services.RootConfigService;
import dev.greenroom.backend.api.services.RootHttpRouterService;
import dev.greenroom.http.standalone.PluginPresence;
import dev.greenroom.http.standalone.PluginStarts;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The root context of the {@code core.httpRouter} factory: one {@link PluginSlot} per plugin id,
 * each mounted once at {@code /api/<pluginId>} on the root router, so that a new instance of the
 * same plugin (a restart) reuses the mount instead of conflicting with it. One {@link SlotWatch}
 * thread looks after all slots (pending verdicts, deadlines, log episodes).
 */
public final class PluginSlots {
  static final String JWKS_PATH = "/.backstage/auth/v1/jwks.json";

  private final RootHttpRouterService rootRouter;
  private final RequestLimits limits;
  private final LoggerService logger;
  private final Map<String, PluginSlot> slots = new ConcurrentHashMap<>();
  private final PluginPresence presence;
  private final PluginStarts starts;
  private final SlotWatch watch;
  private final PluginRequestMetrics metrics;
  private volatile boolean backendStopping;

  public PluginSlots(RootHttpRouterService rootRouter, RootConfigService config, LoggerService logger) {
    this(rootRouter, config, logger, PluginPresence.ALWAYS, PluginStarts.ASSUME_PENDING);
  }

  public PluginSlots(
      RootHttpRouterService rootRouter,
      RootConfigService config,
      LoggerService logger,
      PluginPresence presence,
      PluginStarts starts) {
    this(rootRouter, config, logger, presence, starts, PluginRequestMetrics.none());
  }

  /**
   * Reads {@link RequestLimits} from {@code config}: a bad value fails here, naming its key. Each
   * slot's requests are measured by {@code metrics}.
   */
  public PluginSlots(
      RootHttpRouterService rootRouter,
      RootConfigService config,
      LoggerService logger,
      PluginPresence presence,
      PluginStarts starts,
      PluginRequestMetrics metrics) {
    this.presence = presence;
    this.starts = starts;
    this.rootRouter = rootRouter;
    this.limits = RequestLimits.read(
        config, rootRouter instanceof RootHttpRouter r ? r.maxThreads() : java.util.OptionalInt.empty());
    this.logger = logger;
    this.watch = new SlotWatch(this, limits.requestTimeout().toMillis(), logger);
    this.metrics = metrics;
    metrics.observe(this::watched);
  }

  /** The slot of {@code pluginId}, mounted on first use. */
  public PluginSlot slot(String pluginId) {
    return slots.computeIfAbsent(pluginId, id -> {
      PluginSlot slot = new PluginSlot(id, limits, presence, starts, logger);
      if (backendStopping) {
        slot.backendStopping();
      }
      rootRouter.use("/api/" + id, new SlotServlet(slot, logger, metrics));
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

  /** The slots, for the {@link SlotWatch}. */
  Collection<PluginSlot> watched() {
    return slots.values();
  }

  /** The backend stopped (root shutdown): the watch thread ends. */
  public void close() {
    watch.close();
    metrics.close();
  }
}
