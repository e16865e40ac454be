package dev.greenroom.shell.text;

import dev.greenroom.database.migrations.MigrationDTO;
import dev.greenroom.database.migrations.MigrationHistoryDTO;
import java.util.List;

/**
 * Text for {@code greenroom:migrations}: per migration location a heading (plugin, folder, history
 * table), a table VERSION, DESCRIPTION, STATE, INSTALLED ON, SCRIPT, what a repair did, and, while a
 * migration is FAILED, the way out.
 */
final class MigrationText {
  private MigrationText() {}

  /** As {@link ShellFormatter#format}: text for a migration DTO, else null. */
  static CharSequence format(Object target, Detail detail) {
    if (target instanceof MigrationHistoryDTO h) {
      return switch (detail) {
        case INSPECT -> block(h);
        case LINE -> line(h);
        case PART -> h.location();
      };
    }
    if (target instanceof MigrationDTO m) {
      return detail == Detail.PART ? Cells.text(m.version()) : line(m);
    }
    return null;
  }

  /** Blocks for a list of {@link MigrationHistoryDTO} (a {@link DtoList} of them may be empty), else null. */
  @SuppressWarnings("unchecked")
  static CharSequence table(java.util.Collection<?> c) {
    boolean histories = c instanceof DtoList<?> typed
        ? typed.elementType() == MigrationHistoryDTO.class
        : !c.isEmpty() && c.stream().allMatch(MigrationHistoryDTO.class::isInstance);
    return histories ? blocks(List.copyOf((java.util.Collection<MigrationHistoryDTO>) c)) : null;
  }

  static String block(MigrationHistoryDTO h) {
    StringBuilder out = new StringBuilder(heading(h));
    if (h.migrations().isEmpty()) {
      out.append("\nNo migrations.");
    } else {
      TextTable table = new TextTable("VERSION", "DESCRIPTION", "STATE", "INSTALLED ON", "SCRIPT");
      for (MigrationDTO m : h.migrations()) {
        table.row(m.version(), m.description(), m.state(), m.installedOn(), m.script());
      }
      out.append('\n').append(table.render());
    }
    if (!h.repaired().isEmpty()) {
      out.append("\nRepaired: ").append(String.join("; ", h.repaired()));
    }
    if (failed(h) > 0) {
      out.append("\nA failed migration stops the plugin's start: fix its script (and undo what it did), then run"
          + " greenroom:migrations ").append(Cells.text(h.pluginId())).append(" repair");
    }
    return out.toString();
  }

  static String blocks(List<MigrationHistoryDTO> histories) {
    if (histories.isEmpty()) {
      return "No migrations.";
    }
    StringBuilder out = new StringBuilder();
    for (MigrationHistoryDTO h : histories) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(block(h));
    }
    return out.toString();
  }

  static String line(MigrationHistoryDTO h) {
    long failed = failed(h);
    return heading(h) + ": " + h.migrations().size() + (h.migrations().size() == 1 ? " migration" : " migrations")
        + (failed > 0 ? ", " + failed + " failed" : "") + (h.repaired().isEmpty() ? "" : ", repaired");
  }

  static String line(MigrationDTO m) {
    return Cells.text(m.version()) + " " + Cells.text(m.description()) + " " + m.state();
  }

  private static String heading(MigrationHistoryDTO h) {
    return "Plugin '" + Cells.text(h.pluginId()) + "', " + h.location() + " (history table " + h.historyTable() + ")";
  }

  private static long failed(MigrationHistoryDTO h) {
    return h.migrations().stream().filter(m -> m.state().contains("FAILED")).count();
  }
}
