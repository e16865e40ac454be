package dev.greenroom.shell.text;

import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import java.nio.file.Path;

/** Text for {@code greenroom:deploy}: the hot-deploy folder and the files in it that are not in use. */
final class DeployText {
  private DeployText() {}

  /**
   * One summary line, then a table of the problems: FILE (the name; the folder is in the summary),
   * REASON, BUNDLE, MESSAGE (the log line, last: it is long). An empty folder says so, with the
   * number of bundles installed from it, so "nothing wrong" reads differently from "nothing known".
   */
  static String block(DeployFolderDTO d) {
    if (d.problems().isEmpty()) {
      return "No problems in " + summary(d);
    }
    TextTable table = new TextTable("FILE", "REASON", "BUNDLE", "MESSAGE");
    for (DeployProblemDTO p : d.problems()) {
      table.row(fileName(p), p.code(), p.bundle(), p.message());
    }
    return "Problems in " + summary(d) + "\n" + table.render();
  }

  static String line(DeployFolderDTO d) {
    int n = d.problems().size();
    return folder(d) + ": " + bundles(d.installedBundles()) + ", " + n + (n == 1 ? " problem" : " problems");
  }

  static String fileName(DeployProblemDTO p) {
    if (p.file() == null) {
      return Cells.NONE;
    }
    Path name = Path.of(p.file()).getFileName();
    return name == null ? p.file() : name.toString();
  }

  private static String summary(DeployFolderDTO d) {
    return folder(d) + " (" + bundles(d.installedBundles()) + " installed from it)";
  }

  private static String folder(DeployFolderDTO d) {
    if (d.folder() == null) {
      return "the hot-deploy folder";
    }
    return d.folder().endsWith("/") ? d.folder() : d.folder() + "/";
  }

  private static String bundles(int n) {
    return n + (n == 1 ? " bundle" : " bundles");
  }
}
