package dev.greenroom.shell.text;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import java.util.List;

/** Text for {@code greenroom:diag}: a title with the plugin's state, then one row per reason. */
final class DiagnosisText {
  private DiagnosisText() {}

  static String block(DiagnosisDTO d) {
    String title = "Plugin " + d.pluginId() + " (" + Cells.text(d.state()) + ")";
    StringBuilder out = new StringBuilder(title).append('\n').append("-".repeat(title.length()));
    if (d.reasons().isEmpty()) {
      return out.append("\nNo reasons reported.").toString();
    }
    TextTable table = new TextTable("REASON", "SUBJECT", "MESSAGE");
    for (Reason r : d.reasons()) {
      table.row(r.code(), r.subject(), r.message());
    }
    return out.append('\n').append(table.render()).toString();
  }

  /** Several diagnoses, a blank line apart; none means every plugin is running. */
  static String blocks(List<DiagnosisDTO> diagnoses) {
    if (diagnoses.isEmpty()) {
      return "All plugins are running.";
    }
    StringBuilder out = new StringBuilder();
    for (DiagnosisDTO d : diagnoses) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(block(d));
    }
    return out.toString();
  }

  /** {@code catalog  WAITING_FOR_MODULES  WAITING_FOR_MODULE github, ...}. */
  static String line(DiagnosisDTO d) {
    StringBuilder out = new StringBuilder(d.pluginId()).append("  ").append(d.state());
    String sep = "  ";
    for (Reason r : d.reasons()) {
      out.append(sep).append(r.code());
      if (r.subject() != null) {
        out.append(' ').append(r.subject());
      }
      sep = ", ";
    }
    return out.toString();
  }
}
