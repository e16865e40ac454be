package dev.greenroom.backend.runtime.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.services.LoggerService;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UnresolvedDeploysTest {
  private static final String REQ = "osgi.wiring.package; (&(osgi.wiring.package=com.example.missing)(version>=1.0.0))";
  private static final UnresolvedDeploys.Observed BROKEN = new UnresolvedDeploys.Observed(
      "/srv/deploy/broken.jar", "com.example.broken 1.0.0 [42]",
      "bundle com.example.broken 1.0.0 [42] cannot resolve: missing requirement " + REQ);
  private static final String MESSAGE = "Unresolved broken.jar: bundle com.example.broken 1.0.0 [42] cannot resolve: "
      + "missing requirement " + REQ;

  private final List<String> warned = new CopyOnWriteArrayList<>();
  private final AtomicLong clock = new AtomicLong(1000);
  private final UnresolvedDeploys unresolved = new UnresolvedDeploys(() -> new Recorder(warned), clock::get);

  @Test
  void anUnresolvedBundleIsDataWithFileBundleAndRequirement() {
    List<DeployProblemDTO> problems = unresolved.update(List.of(BROKEN));
    assertEquals(List.of(new DeployProblemDTO("/srv/deploy/broken.jar", DeployProblemDTO.ReasonCode.UNRESOLVED,
        "com.example.broken 1.0.0 [42]", REQ, MESSAGE, 1000)), problems);
  }

  @Test
  void itIsLoggedOnceWhileItStaysUnresolvedNotOnEveryScan() {
    DeployProblemDTO first = unresolved.update(List.of(BROKEN)).get(0);
    clock.set(2000);
    for (int scan = 0; scan < 5; scan++) {
      assertEquals(List.of(first), unresolved.update(List.of(BROKEN)), "the first report, with its time");
    }
    assertEquals(List.of("W " + MESSAGE), warned);
  }

  @Test
  void itLeavesTheListWhenItResolvesOrIsRemovedAndIsLoggedAgainIfItComesBack() {
    unresolved.update(List.of(BROKEN));
    assertEquals(List.of(), unresolved.update(List.of()));
    assertEquals(List.of(), unresolved.problems());
    unresolved.update(List.of(BROKEN));
    assertEquals(List.of("W " + MESSAGE, "W " + MESSAGE), warned);
  }

  @Test
  void anotherMissingRequirementIsANewProblem() {
    unresolved.update(List.of(BROKEN));
    UnresolvedDeploys.Observed other = new UnresolvedDeploys.Observed(BROKEN.file(), BROKEN.bundle(),
        "bundle com.example.broken 1.0.0 [42] cannot resolve: missing requirement osgi.wiring.package; (osgi.wiring.package=b)");
    DeployProblemDTO p = unresolved.update(List.of(other)).get(0);
    assertEquals("osgi.wiring.package; (osgi.wiring.package=b)", p.requirement());
    assertEquals(2, warned.size());
  }

  @Test
  void problemsAreSortedByFile() {
    UnresolvedDeploys.Observed a = new UnresolvedDeploys.Observed("/d/a.jar", "a 1.0.0 [7]", "bundle a 1.0.0 [7] cannot resolve: missing requirement x");
    List<DeployProblemDTO> problems = unresolved.update(List.of(BROKEN, a));
    assertEquals(List.of("/d/a.jar", "/srv/deploy/broken.jar"), problems.stream().map(DeployProblemDTO::file).toList());
  }

  @Test
  void aReasonWordedOtherwiseIsTheRequirementAsItIs() {
    assertEquals("something else", UnresolvedDeploys.requirement("something else"));
  }

  private record Recorder(List<String> lines) implements LoggerService {
    @Override public void error(String message, Throwable error) { lines.add("E " + message); }
    @Override public void warn(String message, Throwable error) { lines.add("W " + message); }
    @Override public void info(String message, Throwable error) {}
    @Override public void debug(String message, Throwable error) {}
    @Override public LoggerService child(Map<String, String> meta) { return this; }
  }
}
