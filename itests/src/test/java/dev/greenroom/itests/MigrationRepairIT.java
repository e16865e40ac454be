package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.greenroom.backend.runtime.state.FeatureState;
import dev.greenroom.database.migrations.MigrationHistoryDTO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * A half-applied migration repaired through Gogo, as an operator would: fixture plugin {@code halfway}
 * fails at boot with its V2 half applied on the default H2 (in files, the runtime's mode); {@code
 * greenroom:migrations halfway} shows V2 FAILED; shipping the fixed script is not enough (Flyway
 * refuses while the failed entry exists); {@code greenroom:migrations halfway repair} removes it and
 * realigns V1's checksum; {@code greenroom:restart halfway} then applies V2 and the plugin runs.
 */
public class MigrationRepairIT extends RuntimeStateSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path DIR = workDir().resolve("migration-repair");
  private static final Path SCRIPTS = DIR.resolve("scripts.txt");
  private CommandSession session;
  private ByteArrayOutputStream console;

  @Override
  protected String configYaml() {
    try {
      if (Files.exists(DIR)) {
        try (var paths = Files.walk(DIR)) {
          paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(DIR);
      Files.writeString(SCRIPTS, "broken");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "backend:\n"
        + "  database: { client: h2, connection: { directory: '" + DIR.resolve("db") + "' } }\n"
        + "  startup: { plugins: { halfway: { onPluginBootFailure: continue } } }\n";
  }

  @Override
  protected Option[] extraOptions() {
    return new Option[] {
      fixtureBundle("halfway-plugin"),
      frameworkProperty("greenroom.itest.halfway.scripts").value(SCRIPTS.toString()),
    };
  }

  @Override
  protected List<String> expectedLogLines() {
    String broken = "Migrations from 'db/migration/halfway-broken' failed for plugin 'halfway'";
    return List.of(
        // boot: the broken V2, as Flyway reports it and as the runtime does
        logLine("ERROR", "org.flywaydb.core.internal.command.DbMigrate",
            "Migration of schema \"public\" to version \"2 - add tags\" failed!"),
        logLine("ERROR", "backstage", "Plugin 'halfway' threw an error during startup, but boot failure is permitted for"
            + " this plugin so startup will continue\\..*" + broken),
        logLine("WARN", "httpRouter", "Plugin 'halfway' is failing requests with 503 \\(Service has not started up yet\\):"
            + " it failed: MigrationException: " + broken),
        // the restart with the fixed script, before the repair: Flyway's validation refuses
        logLine("ERROR", "backstage", "Plugin 'halfway' failed to start: MigrationException: Migrations from"
            + " 'db/migration/halfway-fixed' failed for plugin 'halfway' \\(history table 'flyway_schema_history'\\):"
            + " Validate failed"),
        logLine("WARN", "httpRouter", "Plugin 'halfway' is failing requests with 503 \\(Service has not started up yet\\):"
            + " it failed: MigrationException: Migrations from 'db/migration/halfway-fixed'"));
  }

  @Before
  public void openSession() throws Exception {
    CommandProcessor processor = awaitService(CommandProcessor.class, null, TIMEOUT);
    awaitAnyService("(component.name=dev.greenroom.shell.migrations)");
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

  private String text(Object result) {
    return session.format(result, Converter.INSPECT).toString();
  }

  private static List<String> states(Object result) {
    MigrationHistoryDTO h = (MigrationHistoryDTO) ((List<?>) result).get(0);
    return h.migrations().stream().map(m -> m.version() + ":" + m.state()).toList();
  }

  @Test
  public void aHalfAppliedMigrationIsShownRepairedAndThenApplied() throws Exception {
    awaitPlugin("halfway", "failed at boot", p -> p.state() == FeatureState.FAILED, WAIT);

    Object info = session.execute("greenroom:migrations halfway");
    assertEquals(text(info), List.of("1:SUCCESS", "2:FAILED"), states(info));
    String table = text(info);
    assertTrue(table, table.startsWith("Plugin 'halfway', db/migration/halfway-broken (history table flyway_schema_history)\n"));
    assertTrue(table, table.matches("(?s).*\\n2\\s+add tags\\s+FAILED\\s+\\S+\\s+V2__add_tags\\.sql\\n.*"));
    assertTrue(table, table.endsWith("then run greenroom:migrations halfway repair"));

    // the fix is shipped, but the plugin still cannot start
    Files.writeString(SCRIPTS, "fixed");
    session.execute("greenroom:restart halfway");
    awaitPlugin("halfway", "failed again", p -> p.state() == FeatureState.FAILED, WAIT);
    assertEquals(List.of("1:SUCCESS", "2:FAILED"), states(session.execute("greenroom:migrations halfway")));

    Object repaired = session.execute("greenroom:migrations halfway repair");
    assertEquals(text(repaired), List.of("1:SUCCESS", "2:PENDING"), states(repaired));
    assertTrue(text(repaired), text(repaired).contains(
        "Repaired: removed failed migration 2 (add tags); realigned checksum of 1 (create todos)"));

    session.execute("greenroom:restart halfway");
    awaitRunning("halfway");
    assertEquals(List.of("1:SUCCESS", "2:SUCCESS"), states(session.execute("greenroom:migrations halfway")));
  }

  @Test
  public void anUnknownPluginAndAPluginWithoutMigrationsAreNamed() throws Exception {
    awaitRunning("example");
    assertEquals("No plugin with id 'nope'. Known plugins: ", error("greenroom:migrations nope").replaceAll(": .*", ": "));
    assertEquals("Plugin 'app' has run no migrations since the database bundle started (a plugin's migrations are known"
        + " once its init has called Migrations.run)", error("greenroom:migrations app"));
    assertEquals("Unknown action 'clean' for greenroom:migrations example: the only action is 'repair'",
        error("greenroom:migrations example clean"));
  }

  private String error(String command) {
    try {
      Object result = session.execute(command);
      throw new AssertionError(command + " did not fail: " + text(result));
    } catch (Exception e) {
      return e.getMessage();
    }
  }

  private void awaitAnyService(String filter) throws Exception {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (context.getServiceReferences((String) null, filter) == null) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no service " + filter);
      }
      Thread.sleep(20);
    }
  }
}
