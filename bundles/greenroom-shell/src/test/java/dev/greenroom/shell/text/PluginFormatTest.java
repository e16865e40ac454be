package dev.greenroom.shell.text;

import static dev.greenroom.shell.text.Fixtures.CATALOG;
import static dev.greenroom.shell.text.Fixtures.FAILURE;
import static dev.greenroom.shell.text.Fixtures.SCAFFOLDER;
import static dev.greenroom.shell.text.Fixtures.SEARCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.runtime.state.PluginDTO;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginFormatTest {
  private final ShellFormatter formatter = new ShellFormatter();

  private String inspect(Object o) {
    return formatter.format(o, Detail.INSPECT).toString();
  }

  @Test
  void pluginsTableHasOneAlignedRowPerPluginWithModulesInOrder() {
    String text = inspect(DtoList.of(PluginDTO.class, List.of(CATALOG, SCAFFOLDER, SEARCH)));
    List<String> lines = text.lines().toList();

    String header = lines.get(0);
    assertEquals("ID          STATE                BUNDLE                               MODULES",
        header);
    assertEquals("catalog     RUNNING              dev.greenroom.catalog 0.1.0 [12]     "
        + "gitlab (RUNNING), github (RUNNING)", lines.get(1));
    assertEquals("scaffolder  FAILED               dev.greenroom.scaffolder 0.1.0 [15]  "
        + "templates (RUNNING)", lines.get(2));
    assertEquals("search      WAITING_FOR_MODULES  dev.greenroom.search 0.1.0 [20]      "
        + "elastic (STARTING)", lines.get(3));
    for (String column : List.of("STATE", "BUNDLE", "MODULES")) {
      int at = header.indexOf(column);
      for (String row : lines.subList(1, 4)) {
        assertTrue(row.charAt(at - 1) == ' ' && row.charAt(at) != ' ',
            column + " misaligned in: " + row);
      }
    }
  }

  @Test
  void pluginsTableNamesTheCauseOfFailedPluginsAndPointsToDiag() {
    String text = inspect(DtoList.of(PluginDTO.class, List.of(CATALOG, SCAFFOLDER, SEARCH)));
    List<String> lines = text.lines().toList();

    assertEquals("", lines.get(4));
    assertEquals("scaffolder: " + FAILURE, lines.get(5));
    assertEquals("See greenroom:diag <id> for why a plugin is not running.", lines.get(6));
    assertEquals(7, lines.size());
  }

  @Test
  void pluginsTableOfRunningPluginsHasNoFooter() {
    assertEquals(2, inspect(List.of(CATALOG)).lines().count());
  }

  @Test
  void noPlugins() {
    assertEquals("No plugins.", inspect(DtoList.of(PluginDTO.class, List.of())));
  }

  @Test
  void runningPluginDetailShowsTimingsAndModulesInInitOrder() {
    assertEquals(String.join("\n",
        "Plugin: catalog",
        "===============",
        "State:   RUNNING",
        "Bundle:  dev.greenroom.catalog 0.1.0 [12]",
        "Started: 2026-11-03T10:15:02.120Z",
        "Ready:   2026-11-03T10:15:02.480Z",
        "Init:    360 ms",
        "",
        "Modules (init order)",
        "--------------------",
        "#  MODULE  STATE    BUNDLE                                   INIT   CAUSE",
        "0  gitlab  RUNNING  dev.greenroom.catalog.gitlab 0.1.0 [13]  12 ms  -",
        "1  github  RUNNING  dev.greenroom.catalog.github 0.1.0 [14]  8 ms   -"),
        inspect(CATALOG));
  }

  @Test
  void failedPluginDetailShowsItsCause() {
    String text = inspect(SCAFFOLDER);
    assertTrue(text.contains("\nState:   FAILED\n"), text);
    assertTrue(text.contains("\nReady:   -\n"), text);
    assertTrue(text.contains("\nCause:   " + FAILURE + "\n"), text);
    assertTrue(text.contains("\n0  templates  RUNNING  dev.greenroom.scaffolder.templates"), text);
  }

  @Test
  void multiLineCauseContinuesUnderTheValueColumn() {
    PluginDTO failed = new PluginDTO("x", SCAFFOLDER.state(), null, List.of(),
        "first line\nsecond line", -1, -1, -1);
    String text = inspect(failed);
    assertTrue(text.contains("\nBundle:  - (added in plain Java)\n"), text);
    assertTrue(text.contains("\nCause:   first line\n         second line\n"), text);
    assertTrue(text.endsWith("--------------------\nNo modules."), text);
  }

  @Test
  void waitingPluginDetailShowsTheModuleThatHasNotRun() {
    String text = inspect(SEARCH);
    assertTrue(text.contains("\nState:   WAITING_FOR_MODULES\n"), text);
    assertTrue(text.contains("\nStarted: -\n"), text);
    assertTrue(text.contains("\nInit:    -\n"), text);
    assertTrue(text.contains(
        "\n-  elastic  STARTING  dev.greenroom.search.elastic 0.1.0 [21]  -     -"), text);
  }

  @Test
  void lineAndPartLevels() {
    assertEquals("catalog  RUNNING  dev.greenroom.catalog 0.1.0 [12]  2 modules",
        formatter.format(CATALOG, Detail.LINE));
    assertEquals("catalog", formatter.format(CATALOG, Detail.PART));
    assertEquals("catalog/gitlab", formatter.format(Fixtures.GITLAB, Detail.PART));
    assertEquals("catalog/github  RUNNING  dev.greenroom.catalog.github 0.1.0 [14]",
        formatter.format(Fixtures.GITHUB, Detail.LINE));
  }

  @Test
  void moduleListIsATable() {
    String text = inspect(List.of(Fixtures.GITLAB, Fixtures.GITHUB));
    assertTrue(text.startsWith("Modules (init order)\n"), text);
    assertTrue(text.contains("\n1  github  RUNNING"), text);
  }
}
