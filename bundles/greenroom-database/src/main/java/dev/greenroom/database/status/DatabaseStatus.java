package dev.greenroom.database.status;

import java.time.Instant;

/**
 * One plugin's database as data.
 *
 * @param pluginId the plugin
 * @param state where it stands
 * @param target what it connects to, without credentials ({@code h2:file:./data/db/catalog},
 *     {@code pg:127.0.0.1:5432/backstage_plugin_catalog})
 * @param reason why it is {@link DatabaseState#UNAVAILABLE} or {@link DatabaseState#FAILED}, else
 *     null
 * @param attempts connection attempts made while preparing the database
 * @param since when it entered {@code state}
 */
public record DatabaseStatus(
    String pluginId, DatabaseState state, String target, String reason, int attempts, Instant since) {

  /** True when a pool is open and was last seen connecting. */
  public boolean ready() {
    return state == DatabaseState.READY;
  }
}
