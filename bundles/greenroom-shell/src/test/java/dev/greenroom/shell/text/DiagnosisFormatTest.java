package dev.greenroom.shell.text;

import static dev.greenroom.shell.text.Fixtures.FAILURE;
import static dev.greenroom.shell.text.Fixtures.SCAFFOLDER_DIAG;
import static dev.greenroom.shell.text.Fixtures.SEARCH_DIAG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.Reason;
import dev.greenroom.backend.runtime.state.DiagnosisDTO.ReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisFormatTest {
  private final ShellFormatter formatter = new ShellFormatter();

  @Test
  void waitingPluginNamesTheModuleAndItsBundle() {
    assertEquals(String.join("\n",
        "Plugin search (WAITING_FOR_MODULES)",
        "-----------------------------------",
        "REASON              SUBJECT  MESSAGE",
        "WAITING_FOR_MODULE  elastic  Waiting for module 'elastic' of bundle "
            + "dev.greenroom.search.elastic 0.1.0 [21] to register its feature (timeout in 27 s)"),
        formatter.format(SEARCH_DIAG, Detail.INSPECT));
  }

  @Test
  void failedPluginShowsTheWholeMultiLineMessage() {
    assertEquals(String.join("\n",
        "Plugin scaffolder (FAILED)",
        "--------------------------",
        "REASON         SUBJECT     MESSAGE",
        "PLUGIN_FAILED  scaffolder  Backend startup failed due to the following errors:",
        "                             " + FAILURE),
        formatter.format(SCAFFOLDER_DIAG, Detail.INSPECT));
  }

  @Test
  void unknownPluginHasNoSubject() {
    DiagnosisDTO d = new DiagnosisDTO("nope", null, List.of(
        new Reason(ReasonCode.UNKNOWN_PLUGIN, null, "No plugin with id 'nope' is installed")));
    String text = formatter.format(d, Detail.INSPECT).toString();
    assertEquals("Plugin nope (-)", text.lines().findFirst().orElseThrow());
    assertEquals("UNKNOWN_PLUGIN  -        No plugin with id 'nope' is installed",
        text.lines().toList().get(3));
  }

  @Test
  void severalDiagnosesAreSeparatedByABlankLine() {
    String text = formatter.format(
        DtoList.of(DiagnosisDTO.class, List.of(SCAFFOLDER_DIAG, SEARCH_DIAG)), Detail.INSPECT)
        .toString();
    assertEquals(List.of("Plugin scaffolder (FAILED)", "Plugin search (WAITING_FOR_MODULES)"),
        text.lines().filter(l -> l.startsWith("Plugin ")).toList());
    assertEquals("", text.lines().toList().get(5));
  }

  @Test
  void noDiagnosesMeansEverythingRuns() {
    assertEquals("All plugins are running.",
        formatter.format(DtoList.of(DiagnosisDTO.class, List.of()), Detail.INSPECT));
  }

  @Test
  void lineLevelListsCodesAndSubjects() {
    assertEquals("search  WAITING_FOR_MODULES  WAITING_FOR_MODULE elastic",
        formatter.format(SEARCH_DIAG, Detail.LINE));
  }
}
