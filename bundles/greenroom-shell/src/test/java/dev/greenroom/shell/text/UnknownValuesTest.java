package dev.greenroom.shell.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Anything that is not ours is left to Gogo's default formatting (null). */
class UnknownValuesTest {
  private final ShellFormatter formatter = new ShellFormatter();

  @Test
  void foreignValuesAreNotFormatted() {
    assertNull(formatter.format("text", Detail.INSPECT));
    assertNull(formatter.format(42, Detail.LINE));
    assertNull(formatter.format(List.of(), Detail.INSPECT)); // untyped empty list
    assertNull(formatter.format(List.of("a"), Detail.INSPECT));
    assertNull(formatter.format(List.of(Fixtures.CATALOG, Fixtures.SEARCH_DIAG), Detail.INSPECT));
    assertNull(formatter.format(DtoList.of(String.class, List.of("a")), Detail.INSPECT));
  }

  @Test
  void listsAreTablesOnlyWhenInspected() {
    assertNull(formatter.format(List.of(Fixtures.CATALOG), Detail.LINE));
  }

  @Test
  void gogoLevelsMapToDetail() {
    assertEquals(Detail.INSPECT, Detail.ofGogoLevel(0));
    assertEquals(Detail.LINE, Detail.ofGogoLevel(1));
    assertEquals(Detail.PART, Detail.ofGogoLevel(2));
  }
}
