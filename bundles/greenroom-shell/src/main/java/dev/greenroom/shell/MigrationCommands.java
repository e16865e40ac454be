package dev.greenroom.shell;

import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginDTO;
import dev.greenroom.database.migrations.MigrationHistoryDTO;
import dev.greenroom.database.migrations.MigrationHistoryService;
import dev.greenroom.shell.text.DtoList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.RequireGogoWhiteboard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code greenroom:migrations <pluginId> [repair]}: the Flyway migrations a plugin (and its modules)
 * ran, and Flyway's repair of a failed one (docs/database.md, "Repairing a failed migration").
 * Returns the database bundle's DTOs; {@link GreenroomConverter} formats them. A component of its
 * own, so that the other commands do not need greenroom-database.
 */
@Component(
    name = "dev.greenroom.shell.migrations",
    service = MigrationCommands.class,
    property = {"osgi.command.scope=greenroom", "osgi.command.function=migrations"})
@RequireGogoWhiteboard
public class MigrationCommands {
  static final String REPAIR = "repair";

  private final GreenroomRuntime runtime;
  private final MigrationHistoryService histories;

  @Activate
  public MigrationCommands(@Reference(name = "runtime") GreenroomRuntime runtime,
      @Reference(name = "histories") MigrationHistoryService histories) {
    this.runtime = runtime;
    this.histories = histories;
  }

  @Descriptor("Show a plugin's migrations (its own and its modules'): version, description, state, installed on")
  public List<MigrationHistoryDTO> migrations(@Descriptor("plugin id") String pluginId) {
    known(pluginId);
    return DtoList.of(MigrationHistoryDTO.class, histories.info(pluginId));
  }

  @Descriptor("'repair': remove a plugin's failed migrations from its history and realign checksums (Flyway repair);"
      + " fix the script first, then greenroom:restart the plugin")
  public List<MigrationHistoryDTO> migrations(@Descriptor("plugin id") String pluginId,
      @Descriptor("repair") String action) {
    if (!REPAIR.equals(action)) {
      throw new IllegalArgumentException("Unknown action '" + action + "' for greenroom:migrations " + pluginId
          + ": the only action is 'repair'");
    }
    known(pluginId);
    return DtoList.of(MigrationHistoryDTO.class, histories.repair(pluginId));
  }

  private void known(String pluginId) {
    if (runtime.plugin(pluginId).isEmpty()) {
      String known = runtime.plugins().stream().map(PluginDTO::pluginId).collect(Collectors.joining(", "));
      throw new IllegalArgumentException("No plugin with id '" + pluginId + "'. Known plugins: "
          + (known.isEmpty() ? "none" : known));
    }
  }
}
