package dev.greenroom.http.internal;

import dev.greenroom.backend.api.services.LoggerService;

/**
 * The log lines of one plugin's slot: one per change of what its requests get (refused with 503,
 * 404 because removed, served again), and an {@link Episode} each for requests refused at the
 * concurrency bound, timed out, or held too long. Requests themselves log nothing here (the
 * request log has their line).
 */
final class SlotLog {
  private enum Shown { SERVING, REFUSING, REMOVED }

  private final String pluginId;
  private final LoggerService logger;
  private final Episode busy;
  private final Episode timedOut;
  private final Episode heldTooLong;
  private final Episode holdsFull;
  /** Guarded by the slot's lock (all callers but the episodes hold it). */
  private Shown shown = Shown.SERVING;

  SlotLog(String pluginId, RequestLimits limits, LoggerService logger) {
    this.pluginId = pluginId;
    this.logger = logger;
    String plugin = "Plugin '" + pluginId + "'";
    busy = new Episode(logger,
        plugin + " has " + limits.pluginConcurrency() + " requests in progress (" + RequestLimits.CONCURRENCY_KEY
            + "); refusing more with 503",
        n -> plugin + " is below its concurrency bound again; " + n + " request(s) were refused");
    timedOut = new Episode(logger,
        plugin + " did not answer within " + limits.requestTimeout().toMillis() + " ms (" + RequestLimits.TIMEOUT_KEY
            + "); interrupting such requests and answering 503",
        n -> plugin + " answers in time again; " + n + " request(s) timed out");
    heldTooLong = new Episode(logger,
        plugin + " did not start within " + limits.pauseTimeout().toMillis() + " ms ("
            + RequestLimits.PAUSE_TIMEOUT_KEY + "); held requests answer 503",
        n -> plugin + ": " + n + " held request(s) answered 503 after the pause");
    holdsFull = new Episode(logger,
        plugin + " has " + limits.pluginHeldRequests() + " requests waiting for its start (" + RequestLimits.HELD_KEY
            + "); refusing more with 503",
        n -> plugin + ": " + n + " request(s) were refused instead of held");
  }

  static String busyMessage(String pluginId, int limit) {
    return "Plugin '" + pluginId + "' is at its limit of " + limit + " concurrent requests";
  }

  static String timeoutMessage(String pluginId, long millis) {
    return "Response timeout: plugin '" + pluginId + "' did not answer within " + millis + " ms";
  }

  void refusing(String message, String why) {
    if (shown != Shown.REFUSING) {
      shown = Shown.REFUSING;
      if (logger != null) {
        logger.warn("Plugin '" + pluginId + "' is failing requests with 503 (" + message + "): " + why);
      }
    }
  }

  void removed() {
    if (shown != Shown.REMOVED) {
      shown = Shown.REMOVED;
      if (logger != null) {
        logger.info("Plugin '" + pluginId + "' is no longer installed; its requests answer 404");
      }
    }
  }

  void serving() {
    if (shown != Shown.SERVING) {
      shown = Shown.SERVING;
      if (logger != null) {
        logger.info("Plugin '" + pluginId + "' is serving requests again");
      }
    }
  }

  void busy() {
    busy.occurred();
  }

  void timedOut() {
    timedOut.occurred();
  }

  void heldTooLong() {
    heldTooLong.occurred();
  }

  void holdsFull() {
    holdsFull.occurred();
  }

  void endQuietEpisodes(long nowNanos) {
    busy.endIfQuiet(nowNanos);
    timedOut.endIfQuiet(nowNanos);
    heldTooLong.endIfQuiet(nowNanos);
    holdsFull.endIfQuiet(nowNanos);
  }
}
