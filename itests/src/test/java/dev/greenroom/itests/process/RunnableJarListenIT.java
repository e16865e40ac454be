package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;

/**
 * The port set once, in app-config, as a Backstage user sets it: the HTTP bundle moves Pax Web
 * there (its server restarts) and the dispatcher must be served on the new connector. A servlet
 * registered while Pax Web restarted was lost — every request 404 — in about 2 launches of 5, so
 * the test launches three times.
 */
public class RunnableJarListenIT {
  private static final int LAUNCHES = 3;
  private static final Duration SERVED = Duration.ofSeconds(60);

  @Test
  public void theExamplePluginIsServedOnThePortFromAppConfigAlone() throws Exception {
    for (int launch = 1; launch <= LAUNCHES; launch++) {
      Path dir = RunnableJar.workDir("listen-" + launch);
      int port = RunnableJar.freePort();
      try (RunnableJar jar = RunnableJar.startWithConfiguredPortOnly(dir, port, RunnableJar.appConfig(port, ""))) {
        Http.Answer last = null;
        long end = System.nanoTime() + SERVED.toNanos();
        while (System.nanoTime() < end) {
          last = Http.get(port, Http.EXAMPLE_HEALTH);
          if (last.status() == 200) {
            break;
          }
          Thread.sleep(200);
        }
        assertEquals("launch " + launch + ": GET " + Http.EXAMPLE_HEALTH + " on port " + port + " -> " + last
            + "; output:\n" + jar.output(), 200, last.status());
        jar.terminate();
        assertEquals("launch " + launch + " exit code; output:\n" + jar.output(), 0, jar.awaitExit(Duration.ofSeconds(90)));
      }
    }
  }
}
