package dev.greenroom.itests.live;

import static org.junit.Assert.assertEquals;

import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/**
 * A Pax Web configuration dropped into FileInstall's folder with a value that would stop the HTTP
 * server (issue 11: a bad {@code org.ops4j.pax.web.cfg} took HTTP down until the file was deleted)
 * is refused naming the file and key: the server keeps serving on the running configuration.
 */
public class DeployCoreConfigIT extends LiveSupport {

  @Test
  public void aPaxWebConfigWithAPortThatIsNotAPortIsRefusedAndHttpKeepsServing() throws Exception {
    String message = "Refused org.ops4j.pax.web.cfg: org.osgi.service.http.port = 'not-a-port' would stop the HTTP server"
        + " of every plugin (expected a port number 0-65535); the running configuration is kept";
    expectLog(logLine("ERROR", "backstage", java.util.regex.Pattern.quote(message) + "$"));
    awaitReady(LONG);
    Path staged = workDir().resolve("org.ops4j.pax.web.cfg");
    Files.writeString(staged, "org.osgi.service.http.port = not-a-port\n");
    Path deployed = deploy(staged);

    DeployProblemDTO problem = awaitProblem();
    assertEquals(deployed.toString(), problem.file());
    assertEquals(DeployProblemDTO.ReasonCode.INVALID_CONFIG, problem.code());
    assertEquals(message, problem.message());
    // FileInstall polls again and again: still served, still one problem, logged once (the trap)
    Thread.sleep(1500);
    assertEquals(200, get("/api/example/health").status());
    assertEquals(List.of(problem), runtime().deployProblems());

    Files.delete(deployed);
    long end = System.nanoTime() + LONG.toNanos();
    while (!runtime().deployProblems().isEmpty() && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertEquals(List.of(), runtime().deployProblems());
    assertEquals(200, get("/api/example/health").status());
  }

  private DeployProblemDTO awaitProblem() throws InterruptedException {
    long end = System.nanoTime() + LONG.toNanos();
    while (true) {
      List<DeployProblemDTO> problems = runtime().deployProblems();
      if (!problems.isEmpty() || System.nanoTime() > end) {
        assertEquals(1, problems.size());
        return problems.get(0);
      }
      Thread.sleep(50);
    }
  }
}
