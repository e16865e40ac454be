package dev.greenroom.shell.text;

import dev.greenroom.backend.runtime.state.ExtensionPointDTO;
import java.util.List;

/** Text for {@code greenroom:extensions}. */
final class ExtensionPointText {
  private ExtensionPointText() {}

  /** ID, PLUGIN, PROVIDED BY (the module, or {@code plugin} when the plugin itself), TYPE. */
  static String table(List<ExtensionPointDTO> points) {
    if (points.isEmpty()) {
      return "No extension points.";
    }
    TextTable table = new TextTable("ID", "PLUGIN", "PROVIDED BY", "TYPE");
    for (ExtensionPointDTO e : points) {
      table.row(e.id(), e.pluginId(), providedBy(e), e.type());
    }
    return table.render();
  }

  static String line(ExtensionPointDTO e) {
    return e.id() + "  " + e.pluginId() + "  " + providedBy(e) + "  " + Cells.text(e.type());
  }

  private static String providedBy(ExtensionPointDTO e) {
    return e.providedByModule() == null ? "plugin" : "module " + e.providedByModule();
  }
}
