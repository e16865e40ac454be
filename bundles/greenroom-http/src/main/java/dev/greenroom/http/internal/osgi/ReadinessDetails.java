package dev.greenroom.http.internal.osgi;

import java.util.Map;

/**
 * Why a plugin is not ready, from another part of the backend (its database, say). Logged by
 * {@link ReadinessDetailLog}, never in the anonymous readiness body (it can name database hosts
 * and carry a driver's message).
 */
public interface ReadinessDetails {
  /** Plugin id to a short reason; only plugins with something to say. */
  Map<String, String> details();
}
