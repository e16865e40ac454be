package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.itests.HttpTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * backend.auth.externalAccess follows the config file: an edit (seen by the watcher, every 100 ms
 * here) applies to every plugin at once without restarting any: a removed static token is refused
 * with 401, an added one accepted, and the change is logged by type and subject without the token.
 */
public class ExternalAccessReloadIT extends HttpTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(30);
  static final String OLD_TOKEN = "reload-old-token-1";
  static final String NEW_TOKEN = "reload-new-token-2";

  @Override
  protected String configYaml() {
    String entries = "    externalAccess:\n";
    return super.configYaml().replace(entries, entries
        + "      - type: static\n"
        + "        options: { token: " + OLD_TOKEN + ", subject: reload-old }\n");
  }

  @Override
  protected Option[] moreOptions() {
    return new Option[] {
      fixtureBundle("svc-callee"),
      frameworkProperty("greenroom.config.watch.interval").value("100"),
    };
  }

  @Test
  public void aRemovedTokenIsRefusedAndAnAddedOneAcceptedByEveryPluginWithoutARestart() throws Exception {
    awaitReady(Duration.ofSeconds(60));
    GreenroomRuntime runtime = awaitService(GreenroomRuntime.class, null, TIMEOUT);
    long calleeReadyAt = runtime.plugin("callee").orElseThrow().readyAt();
    long exampleReadyAt = runtime.plugin("example").orElseThrow().readyAt();
    assertEquals(new Answer(200, "{\"subject\":\"reload-old\"}"), whoami(OLD_TOKEN));
    assertEquals(401, whoami(NEW_TOKEN).status());
    List<String> infoLines = captureLog();

    rewriteConfig(c -> c.replace("token: " + OLD_TOKEN + ", subject: reload-old", "token: " + NEW_TOKEN + ", subject: reload-new"));

    awaitAnswer(NEW_TOKEN, new Answer(200, "{\"subject\":\"reload-new\"}"));
    Answer refused = whoami(OLD_TOKEN);
    assertEquals(new Answer(401, "{\"error\":{\"name\":\"AuthenticationError\",\"message\":\"Illegal token\"},"
        + "\"request\":{\"method\":\"GET\",\"url\":\"/whoami\"},\"response\":{\"statusCode\":401}}"), refused);
    // another plugin sees the same entries
    assertEquals(200, get("/api/example/examples", "Authorization", "Bearer " + NEW_TOKEN).status());
    assertEquals(401, get("/api/example/examples", "Authorization", "Bearer " + OLD_TOKEN).status());
    // no plugin was restarted for it
    assertEquals(calleeReadyAt, runtime.plugin("callee").orElseThrow().readyAt());
    assertEquals(exampleReadyAt, runtime.plugin("example").orElseThrow().readyAt());

    String expected = "Applied the change of backend.auth.externalAccess to all plugins: "
        + "added static subject 'reload-new'; removed static subject 'reload-old'";
    assertTrue(String.valueOf(infoLines), infoLines.stream().anyMatch(l -> l.contains(expected)));
    assertFalse(String.valueOf(infoLines), infoLines.stream().anyMatch(l -> l.contains(NEW_TOKEN) || l.contains(OLD_TOKEN)));
  }

  @Test
  public void anInvalidEditIsLoggedWithItsKeyAndTheEntriesInForceStay() throws Exception {
    expectLog(logLine("ERROR", "backstage", "Ignored the change of backend.auth.externalAccess, the previous entries "
        + "stay in force: Illegal token, must be at least 8 characters length at "
        + "'backend.auth.externalAccess\\[\\d\\]\\.options\\.token'"));
    awaitReady(Duration.ofSeconds(60));
    String good = Files.readString(configFile());
    String token = good.contains(NEW_TOKEN) ? NEW_TOKEN : OLD_TOKEN;
    List<String> lines = captureLog();
    try {
      rewriteConfig(c -> c.replace("token: " + token + ",", "token: short,"));
      long end = System.nanoTime() + WAIT.toNanos();
      while (lines.stream().noneMatch(l -> l.contains("Ignored the change of backend.auth.externalAccess"))) {
        if (System.nanoTime() > end) {
          throw new AssertionError("no log line for the invalid edit in " + WAIT + ": " + lines);
        }
        Thread.sleep(50);
      }
      assertEquals(200, whoami(token).status());
      assertEquals(401, whoami("short").status());
    } finally {
      rewriteConfig(c -> good);
    }
  }

  private Answer whoami(String token) throws Exception {
    return get("/api/callee/whoami", "Authorization", "Bearer " + token);
  }

  private void awaitAnswer(String token, Answer expected) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    Answer last = null;
    while (System.nanoTime() < end) {
      last = whoami(token);
      if (expected.equals(last)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the edit did not reach core.auth within " + WAIT + ": " + last);
  }

  /** Every log message from now on (INFO included), from pax-logging's LogReaderService. */
  private List<String> captureLog() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    LogListener listener = entry -> lines.add(entry.getLevel() + " " + entry.getMessage());
    List<ServiceReference<LogReaderService>> refs = new ArrayList<>(context.getServiceReferences(LogReaderService.class, null));
    assertNotEquals("no LogReaderService", 0, refs.size());
    for (ServiceReference<LogReaderService> ref : refs) {
      context.getService(ref).addLogListener(listener);
    }
    return lines;
  }

  private Path configFile() {
    return Path.of(context.getProperty("greenroom.config"));
  }

  /** Rewrites the config file atomically (the watcher never reads half a file). */
  private void rewriteConfig(UnaryOperator<String> edit) throws Exception {
    Path file = configFile();
    String before = Files.readString(file);
    String after = edit.apply(before);
    if (after.equals(before)) {
      return;
    }
    Path tmp = Files.createTempFile(file.getParent(), "edit-", ".yaml");
    Files.writeString(tmp, after);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
