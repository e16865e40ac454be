package dev.greenroom.database.internal;

import dev.greenroom.backend.api.services.DatabaseService;
import java.util.Optional;

/** Which plugin a database service belongs to, for error messages of the exported API. */
public final class PluginIds {
  private PluginIds() {}

  public static Optional<String> of(DatabaseService db) {
    return db instanceof PluginDatabase p ? Optional.of(p.pluginId()) : Optional.empty();
  }
}
