package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.DiagnosisDTO;
import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.backend.runtime.state.PluginDTO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceReference;

/**
 * The {@code greenroom:} Gogo commands through Gogo's {@link CommandProcessor} (gogo.runtime; the
 * console, gogo.shell, is not in the test set): the commands return the runtime's DTOs, and the
 * shell's converter formats them as text.
 */
public class ShellIT extends RuntimeStateSupport {
  private CommandSession session;
  private ByteArrayOutputStream console;

  @Before
  public void openSession() throws Exception {
    awaitRunning("example");
    CommandProcessor processor = awaitService(CommandProcessor.class, null, TIMEOUT);
    awaitAnyService("(osgi.command.scope=greenroom)");
    awaitAnyService("(component.name=dev.greenroom.shell.converter)");
    console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);
  }

  @After
  public void closeSession() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  public void pluginsListsExampleRunningWithItsModulesInOrder() throws Exception {
    Object result = session.execute("greenroom:plugins");
    assertTrue(String.valueOf(result), result instanceof List);
    PluginDTO example = ((List<?>) result).stream()
        .map(PluginDTO.class::cast)
        .filter(p -> p.pluginId().equals("example"))
        .findFirst()
        .orElseThrow();
    assertEquals(FeatureState.RUNNING, example.state());
    assertEquals(List.of("greetings", "tags"), moduleIds(example));

    String text = session.format(result, Converter.INSPECT).toString();
    List<String> lines = text.lines().collect(java.util.stream.Collectors.toList());
    assertTrue(text, lines.get(0).matches("ID\\s+STATE\\s+BUNDLE\\s+MODULES"));
    String row = lines.stream().filter(l -> l.startsWith("example ")).findFirst().orElseThrow(() -> new AssertionError(text));
    assertTrue(row, row.matches("example\\s+RUNNING\\s+" + java.util.regex.Pattern.quote(example.bundle())
        + "\\s+greetings \\(RUNNING\\), tags \\(RUNNING\\)"));
    assertTrue(row, row.indexOf("greetings") < row.indexOf("tags"));
  }

  @Test
  public void diagExplainsThatExampleIsRunning() throws Exception {
    Object result = session.execute("greenroom:diag example");
    assertTrue(String.valueOf(result), result instanceof DiagnosisDTO);
    assertEquals(FeatureState.RUNNING, ((DiagnosisDTO) result).state());

    String text = session.format(result, Converter.INSPECT).toString();
    List<String> lines = text.lines().collect(java.util.stream.Collectors.toList());
    assertEquals(text, "Plugin example (RUNNING)", lines.get(0));
    assertEquals(text, "-".repeat("Plugin example (RUNNING)".length()), lines.get(1));
    assertTrue(text, lines.get(2).matches("REASON\\s+SUBJECT\\s+MESSAGE"));
    assertTrue(text, lines.get(3).matches("RUNNING\\s+example\\s+Plugin 'example' is running with 2 module\\(s\\)"));
    assertEquals(text, 4, lines.size());
  }

  @Test
  public void pluginShowsModulesInInitOrder() throws Exception {
    Object result = session.execute("greenroom:plugin example");
    String text = session.format(result, Converter.INSPECT).toString();
    assertTrue(text, text.startsWith("Plugin: example\n"));
    assertTrue(text, text.contains("\nState:   RUNNING\n"));
    int greetings = text.indexOf("\n0  greetings  RUNNING");
    int tags = text.indexOf("\n1  tags       RUNNING");
    assertTrue(text, greetings > 0);
    assertTrue(text, tags > greetings);
  }

  @Test
  public void unknownPluginIsAnError() {
    try {
      session.execute("greenroom:plugin nosuch");
      throw new AssertionError("expected an error");
    } catch (Exception e) {
      assertEquals("No plugin with id 'nosuch'. Known plugins: app, auth, events, example, greenroom, mcp-actions, metrics, permission", e.getMessage());
    }
  }

  private void awaitAnyService(String filter) throws Exception {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      ServiceReference<?>[] refs = context.getServiceReferences((String) null, filter);
      if (refs != null && refs.length > 0) {
        assertNotNull(refs[0]);
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("no service " + filter);
      }
      Thread.sleep(20);
    }
  }
}
