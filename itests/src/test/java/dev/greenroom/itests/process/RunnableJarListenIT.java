package dev.greenroom.itests.process;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;

/**
 * One port setting: {@code backend.listen.port}, in app-config or in the {@code APP_CONFIG_} overlay
 * alone, decides where the runnable jar listens, and Pax Web's server starts there directly.
 *
 * <p>Each launch also passes Pax Web's own framework property {@code org.osgi.service.http.port}
 * with a decoy port that the test holds bound. Before, Pax Web started on its framework property
 * (runtime.bndrun's 7007, here the decoy) and the HTTP bundle then moved it, restarting the server:
 * on the held decoy that start fails with Pax Web's {@code Failed to bind} error in the output, and
 * a servlet registered during the restart was lost in about 2 launches of 5 (every request 404).
 * Now the decoy is never bound, a warning says the property is not used, and requests are served.
 */
public class RunnableJarListenIT {
  private static final Duration SERVED = Duration.ofSeconds(60);

  @Test
  public void thePortFromAppConfigAloneIsWhereTheServerStarts() throws Exception {
    int port = RunnableJar.freePort();
    launch("listen-file", RunnableJar.appConfig(port, ""), port, Map.of());
    int other = RunnableJar.freePort();
    launch("listen-file-string", "backend:\n  listen: '127.0.0.1:" + other + "'\n", other, Map.of());
  }

  @Test
  public void thePortFromTheEnvOverlayAloneIsWhereTheServerStarts() throws Exception {
    int port = RunnableJar.freePort();
    launch("listen-env", "app:\n  title: env only\n", port, Map.of("APP_CONFIG_backend_listen_port", String.valueOf(port)));
  }

  private static void launch(String name, String appConfig, int port, Map<String, String> env) throws Exception {
    Path dir = RunnableJar.workDir(name);
    try (ServerSocket decoy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        RunnableJar jar = RunnableJar.start(dir, port, appConfig, false, env,
            "org.osgi.service.http.port=" + decoy.getLocalPort())) {
      Http.Answer last = null;
      long end = System.nanoTime() + SERVED.toNanos();
      while (System.nanoTime() < end) {
        last = Http.get(port, Http.EXAMPLE_HEALTH);
        if (last.status() == 200) {
          break;
        }
        Thread.sleep(200);
      }
      assertEquals(name + ": GET " + Http.EXAMPLE_HEALTH + " on port " + port + " -> " + last + "; output:\n"
          + jar.output(), 200, last.status());
      String output = jar.output();
      assertFalse(name + ": Pax Web tried the framework property's port " + decoy.getLocalPort() + "; output:\n" + output,
          output.contains("Failed to bind") || output.contains(":" + decoy.getLocalPort() + "}"));
      assertTrue(name + ": the unused framework property is named; output:\n" + output,
          output.contains("Framework property org.osgi.service.http.port=" + decoy.getLocalPort()
              + " is not used: Greenroom listens on backend.listen.port (" + port + ")"));
      jar.terminate();
      assertEquals(name + " exit code; output:\n" + jar.output(), 0, jar.awaitExit(Duration.ofSeconds(90)));
    }
  }
}
