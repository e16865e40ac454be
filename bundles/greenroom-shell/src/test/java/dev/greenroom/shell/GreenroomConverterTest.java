package dev.greenroom.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.shell.text.Fixtures;
import java.util.List;
import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.Test;

class GreenroomConverterTest {
  private final Converter converter = new GreenroomConverter();

  @Test
  void formatsWhatTheCommandsReturnAtGogoLevels() throws Exception {
    FakeRuntime runtime = new FakeRuntime();
    runtime.plugins.add(Fixtures.SCAFFOLDER);
    Object result = new GreenroomCommands(runtime).plugins();

    String table = converter.format(result, Converter.INSPECT, null).toString();
    assertTrue(table.startsWith("ID          STATE   BUNDLE"), table);
    assertTrue(table.contains("\nscaffolder: " + Fixtures.FAILURE + "\n"), table);

    assertEquals("scaffolder  FAILED  dev.greenroom.scaffolder 0.1.0 [15]  1 module",
        converter.format(Fixtures.SCAFFOLDER, Converter.LINE, null));
    assertEquals("scaffolder", converter.format(Fixtures.SCAFFOLDER, Converter.PART, null));
  }

  @Test
  void leavesEverythingElseToGogo() throws Exception {
    assertNull(converter.format("a string", Converter.INSPECT, null));
    assertNull(converter.format(List.of(1, 2), Converter.INSPECT, null));
    assertNull(converter.convert(String.class, Fixtures.CATALOG));
  }
}
