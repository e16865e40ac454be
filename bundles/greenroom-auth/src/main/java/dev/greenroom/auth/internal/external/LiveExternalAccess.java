package dev.greenroom.auth.internal.external;

import dev.greenroom.auth.internal.RemoteJwks;
import dev.greenroom.backend.api.services.Config;
import dev.greenroom.backend.api.services.LoggerService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The current {@link ExternalAccess} of a backend, shared by every plugin's core.auth through the
 * root context. A change of {@code backend.auth.externalAccess} or {@code backend.auth.keys} in
 * the live root config applies to every plugin at once, without restarting any: the next token is
 * checked against the new entries. The change is logged by entry label (type and subject, or the
 * JWKS URL), never with a token or secret. An invalid change is logged with the key it is about
 * and the previous entries stay in force until the config is fixed; a plugin that starts while
 * the config is invalid fails with that error, as at startup.
 *
 * <p>Changes are noticed both when the root config reports one ({@link #refresh()}, from its
 * subscription) and on every look-up ({@link #current()} compares the raw config values, a cheap
 * equality check), so a config without change notifications is still followed.
 */
public final class LiveExternalAccess {
  private record State(Object rawNew, Object rawOld, ExternalAccess access) {}

  private final Config config;
  private final LoggerService logger;
  private final RemoteJwks remoteJwks;
  private final Clock clock;
  private volatile State state;
  /** The raw values of the last invalid change that was logged, so it is logged once. */
  private List<Object> lastRejected;

  public LiveExternalAccess(Config config, LoggerService logger, RemoteJwks remoteJwks, Clock clock) {
    this.config = config;
    this.logger = logger;
    this.remoteJwks = remoteJwks;
    this.clock = clock;
  }

  /**
   * Reads the config now and makes it current (a plugin's core.auth does this when it is
   * created, so bad config fails the plugin's start).
   *
   * @throws ExternalAccessConfigError (or the config's own error naming the key) when invalid
   */
  public synchronized ExternalAccess validate() {
    Object rawNew = ExternalAccess.raw(config, ExternalAccess.NEW_CONFIG_KEY);
    Object rawOld = ExternalAccess.raw(config, ExternalAccess.OLD_CONFIG_KEY);
    State before = state;
    if (before != null && Objects.equals(before.rawNew(), rawNew) && Objects.equals(before.rawOld(), rawOld)) {
      return before.access();
    }
    ExternalAccess next = ExternalAccess.read(config, logger, remoteJwks, clock);
    apply(before, new State(rawNew, rawOld, next));
    return next;
  }

  /** The entries in force, after applying a config change if there was one. */
  public ExternalAccess current() {
    State s = state;
    if (s == null
        || !Objects.equals(s.rawNew(), ExternalAccess.raw(config, ExternalAccess.NEW_CONFIG_KEY))
        || !Objects.equals(s.rawOld(), ExternalAccess.raw(config, ExternalAccess.OLD_CONFIG_KEY))) {
      refresh();
      s = state;
    }
    return s == null ? ExternalAccess.NONE : s.access();
  }

  /** Applies a config change; an invalid one is logged once and leaves the current entries. */
  public synchronized void refresh() {
    Object rawNew = ExternalAccess.raw(config, ExternalAccess.NEW_CONFIG_KEY);
    Object rawOld = ExternalAccess.raw(config, ExternalAccess.OLD_CONFIG_KEY);
    State before = state;
    if (before != null && Objects.equals(before.rawNew(), rawNew) && Objects.equals(before.rawOld(), rawOld)) {
      return;
    }
    try {
      apply(before, new State(rawNew, rawOld, ExternalAccess.read(config, logger, remoteJwks, clock)));
    } catch (RuntimeException invalid) {
      List<Object> rejected = new ArrayList<>();
      rejected.add(rawNew);
      rejected.add(rawOld);
      if (!rejected.equals(lastRejected)) {
        lastRejected = rejected;
        logger.error("Ignored the change of backend.auth.externalAccess, the previous entries stay in force: "
            + invalid.getMessage());
      }
    }
  }

  private void apply(State before, State next) {
    state = next;
    lastRejected = null;
    if (before == null) {
      return;
    }
    String change = describe(before.access().entries(), next.access().entries());
    if (!change.isEmpty()) {
      logger.info("Applied the change of backend.auth.externalAccess to all plugins: " + change);
    }
  }

  /** {@code added static subject 'b'; removed static subject 'a'; changed legacy subject 'c'}. */
  static String describe(List<ExternalAccess.Entry> before, List<ExternalAccess.Entry> after) {
    Map<String, List<String>> old = byLabel(before);
    Map<String, List<String>> now = byLabel(after);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (var e : now.entrySet()) {
      List<String> was = old.getOrDefault(e.getKey(), List.of());
      if (was.isEmpty()) {
        added.add(e.getKey());
      } else if (!new java.util.HashSet<>(was).equals(new java.util.HashSet<>(e.getValue()))) {
        changed.add(e.getKey());
      }
    }
    for (String label : old.keySet()) {
      if (!now.containsKey(label)) {
        removed.add(label);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add("added " + String.join(", ", added));
    }
    if (!removed.isEmpty()) {
      parts.add("removed " + String.join(", ", removed));
    }
    if (!changed.isEmpty()) {
      parts.add("changed " + String.join(", ", changed));
    }
    return String.join("; ", parts);
  }

  private static Map<String, List<String>> byLabel(List<ExternalAccess.Entry> entries) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (ExternalAccess.Entry e : entries) {
      out.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e.fingerprint());
    }
    return out;
  }
}
