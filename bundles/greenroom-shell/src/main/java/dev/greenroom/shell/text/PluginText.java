package dev.greenroom.shell.text;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.ModuleDTO;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.util.List;
import java.util.stream.Collectors;

/** Text for plugins and their modules. */
final class PluginText {
  private PluginText() {}

  /**
   * The {@code greenroom:plugins} table: ID, STATE, BUNDLE, MODULES (in the order given, with
   * their states), then the first line of the cause of each failed plugin.
   */
  static String table(List<PluginDTO> plugins) {
    if (plugins.isEmpty()) {
      return "No plugins.";
    }
    TextTable table = new TextTable("ID", "STATE", "BUNDLE", "MODULES");
    for (PluginDTO p : plugins) {
      table.row(p.pluginId(), p.state(), p.bundle(), moduleSummary(p.modules()));
    }
    StringBuilder out = new StringBuilder(table.render());
    List<PluginDTO> notRunning =
        plugins.stream().filter(p -> p.state() != FeatureState.RUNNING).toList();
    if (!notRunning.isEmpty()) {
      out.append('\n');
      for (PluginDTO p : notRunning) {
        if (p.cause() != null) {
          out.append('\n').append(p.pluginId()).append(": ").append(Cells.firstLine(p.cause()));
        }
      }
      out.append("\nSee greenroom:diag <id> for why a plugin is not running.");
    }
    return out.toString();
  }

  /** {@code github (RUNNING), gitlab (FAILED)}, or {@code -} when there are none. */
  static String moduleSummary(List<ModuleDTO> modules) {
    if (modules.isEmpty()) {
      return Cells.NONE;
    }
    return modules.stream()
        .map(m -> m.moduleId() + " (" + m.state() + ")")
        .collect(Collectors.joining(", "));
  }

  /** The {@code greenroom:plugin <id>} detail: a key/value block, then the modules table. */
  static String detail(PluginDTO p) {
    KeyValueBlock block = new KeyValueBlock("Plugin: " + p.pluginId(), '=')
        .put("State", p.state())
        .put("Bundle", p.bundle() == null ? "- (added in plain Java)" : p.bundle())
        .put("Started", Cells.instant(p.startedAt()))
        .put("Ready", Cells.instant(p.readyAt()))
        .put("Init", Cells.millis(p.initMillis()));
    if (p.cause() != null) {
      block.put("Cause", p.cause());
    }
    return block.render() + "\n\n" + modules(p.modules());
  }

  /** The modules of one plugin, one row each, in the order given. */
  static String modules(List<ModuleDTO> modules) {
    String title = "Modules (init order)";
    StringBuilder out = new StringBuilder(title).append('\n').append("-".repeat(title.length()));
    if (modules.isEmpty()) {
      return out.append("\nNo modules.").toString();
    }
    TextTable table = new TextTable("#", "MODULE", "STATE", "BUNDLE", "INIT", "CAUSE");
    for (ModuleDTO m : modules) {
      table.row(m.order() < 0 ? null : m.order(), m.moduleId(), m.state(), m.bundle(),
          Cells.millis(m.initMillis()), m.cause());
    }
    return out.append('\n').append(table.render()).toString();
  }

  /** {@code catalog  RUNNING  dev.greenroom.catalog 0.1.0 [12]  2 modules}. */
  static String line(PluginDTO p) {
    int n = p.modules().size();
    return p.pluginId() + "  " + p.state() + "  " + Cells.text(p.bundle()) + "  " + n
        + (n == 1 ? " module" : " modules");
  }

  /** {@code catalog/github  RUNNING  <bundle>}. */
  static String line(ModuleDTO m) {
    return m.pluginId() + "/" + m.moduleId() + "  " + m.state() + "  " + Cells.text(m.bundle());
  }
}
