package dev.greenroom.shell.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void alignsColumnsToTheWidestCellAndTrimsLineEnds() {
    String text = new TextTable("ID", "STATE", "NOTE")
        .row("catalog", "RUNNING", null)
        .row("s", "WAITING_FOR_MODULES", "x")
        .render();
    assertEquals(String.join("\n",
        "ID       STATE                NOTE",
        "catalog  RUNNING              -",
        "s        WAITING_FOR_MODULES  x"), text);
  }

  @Test
  void lastColumnContinuesUnderItselfOthersAreFlattened() {
    String text = new TextTable("A", "B").row("x\ny", "one\ntwo").render();
    assertEquals("A    B\nx y  one\n     two", text);
  }

  @Test
  void rejectsAWrongNumberOfCells() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TextTable("A", "B").row("only one"));
    assertEquals("expected 2 cells, got 1", e.getMessage());
  }
}
