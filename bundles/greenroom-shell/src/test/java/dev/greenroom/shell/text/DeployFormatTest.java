package dev.greenroom.shell.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO.ReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployFormatTest {
  private static final String REQ = "osgi.wiring.package; (&(osgi.wiring.package=com.example.missing)(version>=1.0.0))";
  private static final DeployProblemDTO UNRESOLVED = new DeployProblemDTO("/srv/deploy/broken.jar", ReasonCode.UNRESOLVED,
      "com.example.broken 1.0.0 [42]", REQ,
      "Unresolved broken.jar: bundle com.example.broken 1.0.0 [42] cannot resolve: missing requirement " + REQ, 1);
  private static final DeployProblemDTO CORRUPT = new DeployProblemDTO("/srv/deploy/half.jar", ReasonCode.CORRUPT_JAR,
      null, null, "Ignored half.jar: not a readable jar (zip END header not found); it is retried when the file changes", 2);

  private final ShellFormatter formatter = new ShellFormatter();

  @Test
  void anEmptyFolderSaysSoWithTheNumberOfBundlesFromIt() {
    assertEquals("No problems in deploy/ (3 bundles installed from it)",
        formatter.format(new DeployFolderDTO("deploy", 3, List.of()), Detail.INSPECT));
    assertEquals("No problems in /srv/deploy/ (1 bundle installed from it)",
        formatter.format(new DeployFolderDTO("/srv/deploy/", 1, List.of()), Detail.INSPECT));
    assertEquals("No problems in the hot-deploy folder (0 bundles installed from it)",
        formatter.format(new DeployFolderDTO(null, 0, List.of()), Detail.INSPECT));
  }

  @Test
  void problemsAreATableWithFileReasonBundleAndMessage() {
    assertEquals(String.join("\n",
        "Problems in deploy/ (4 bundles installed from it)",
        "FILE        REASON       BUNDLE                         MESSAGE",
        "broken.jar  UNRESOLVED   com.example.broken 1.0.0 [42]  " + UNRESOLVED.message(),
        "half.jar    CORRUPT_JAR  -                              " + CORRUPT.message()),
        formatter.format(new DeployFolderDTO("deploy", 4, List.of(UNRESOLVED, CORRUPT)), Detail.INSPECT));
  }

  @Test
  void insideOtherValuesTheFolderIsOneLineAndAProblemItsMessage() {
    DeployFolderDTO d = new DeployFolderDTO("deploy", 4, List.of(UNRESOLVED));
    assertEquals("deploy/: 4 bundles, 1 problem", formatter.format(d, Detail.LINE));
    assertEquals("deploy", formatter.format(d, Detail.PART));
    assertEquals(UNRESOLVED.message(), formatter.format(UNRESOLVED, Detail.LINE));
    assertEquals("broken.jar", formatter.format(UNRESOLVED, Detail.PART));
  }
}
