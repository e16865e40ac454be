package dev.greenroom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.backend.runtime.state.PluginReady;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * Stopping the runtime bundle shuts the backend down in Backstage's order: root before-shutdown
 * hooks, then every plugin's shutdown hooks, then root shutdown hooks. The {@code recorder-plugin}
 * fixture appends one line per hook to the file named by {@code greenroom.itest.record}. Its own
 * class: the runtime does not come back in this framework.
 */
public class ShutdownOrderIT extends RuntimeStateSupport {
  static final String RECORD_PROPERTY = "greenroom.itest.record";

  @Override
  protected Option[] extraOptions() {
    Path record = workDir().resolve(getClass().getSimpleName() + "-record.txt");
    try {
      Files.deleteIfExists(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Option[] {
      fixtureBundle("recorder-plugin"),
      frameworkProperty(RECORD_PROPERTY).value(record.toString())
    };
  }

  @Test
  public void stoppingTheRuntimeRunsShutdownHooksInOrder() throws Exception {
    awaitRunning("recorder");
    awaitRunning("example");
    Path record = Path.of(context.getProperty(RECORD_PROPERTY));
    assertFalse("nothing recorded before the stop", Files.exists(record));

    Bundle runtime = requireBundle(RUNTIME_BSN);
    runtime.stop(); // synchronous: the activator runs every phase before it returns
    assertEquals(Bundle.RESOLVED, runtime.getState());

    assertTrue(record + " was not written", Files.exists(record));
    assertEquals(
        List.of("root before-shutdown", "plugin recorder shutdown", "root shutdown"),
        Files.readAllLines(record, StandardCharsets.UTF_8));

    // the runtime's services are gone with it
    assertNull(context.getServiceReference(GreenroomRuntime.class));
    assertTrue(context.getServiceReferences(PluginReady.class, null).isEmpty());
  }
}
