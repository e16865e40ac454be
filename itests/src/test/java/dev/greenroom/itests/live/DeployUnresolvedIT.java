package dev.greenroom.itests.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.greenroom.backend.runtime.state.DeployFolderDTO;
import dev.greenroom.backend.runtime.state.DeployProblemDTO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A bundle in FileInstall's folder that cannot resolve (it imports a package nobody exports) is no
 * longer silent: {@code GreenroomRuntime.deployFolder()}, {@code greenroom:deploy} and {@code GET
 * /api/greenroom/v1/deploy} name the file, the bundle and the missing requirement, and it leaves
 * the list when its file is deleted or when a bundle exporting the package arrives.
 */
public class DeployUnresolvedIT extends LiveSupport {
  /** The one WARN each unresolved jar is reported with (once, not at every scan). */
  @Override
  protected List<String> expectedLogLines() {
    return List.of(logLine("WARN", "backstage", "Unresolved (unresolved|waits-for-package)\\.jar: bundle "
        + "dev\\.greenroom\\.itests\\.unresolved 1\\.0\\.0 \\[\\d+\\] cannot resolve: missing requirement osgi\\.wiring\\.package; "
        + "\\(&\\(osgi\\.wiring\\.package=com\\.example\\.missing\\)\\(version>=1\\.0\\.0\\)\\)$"));
  }

  private static final String BSN = "dev.greenroom.itests.unresolved";
  private static final String REQUIREMENT =
      "osgi.wiring.package; (&(osgi.wiring.package=com.example.missing)(version>=1.0.0))";

  private CommandSession session;

  @Before
  public void openSession() throws Exception {
    awaitReady(LONG);
    CommandProcessor processor = awaitService(CommandProcessor.class, null, TIMEOUT);
    awaitAnyService("(osgi.command.scope=greenroom)");
    awaitAnyService("(component.name=dev.greenroom.shell.converter)");
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);
  }

  @After
  public void closeSession() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  public void anUnresolvedBundleIsListedWithItsMissingRequirementUntilItsFileIsDeleted() throws Exception {
    String folder = deployDir() + "/";
    assertEquals("No problems in " + folder + " (0 bundles installed from it)", shell("greenroom:deploy"));

    Path file = deploy(importer(workDir().resolve("unresolved.jar")));
    DeployProblemDTO reported = awaitProblem("an unresolved bundle", p -> p.code() == DeployProblemDTO.ReasonCode.UNRESOLVED);
    Bundle bundle = findBundle(BSN);
    assertEquals(Bundle.INSTALLED, bundle.getState());
    String name = BSN + " 1.0.0 [" + bundle.getBundleId() + "]";
    String message = "Unresolved unresolved.jar: bundle " + name + " cannot resolve: missing requirement " + REQUIREMENT;
    assertEquals(file.toString(), reported.file());
    assertEquals(name, reported.bundle());
    assertEquals(REQUIREMENT, reported.requirement());
    assertEquals(message, reported.message());
    assertEquals(new DeployFolderDTO(deployDir().toString(), 1, List.of(reported)), runtime().deployFolder());

    // FileInstall tries to start it on every poll (250 ms): still the one report of the first time
    Thread.sleep(1500);
    assertEquals(List.of(reported), runtime().deployProblems());

    String text = shell("greenroom:deploy");
    System.out.println("greenroom:deploy with an unresolved bundle:\n" + text);
    List<String> lines = text.lines().toList();
    assertEquals(text, 3, lines.size());
    assertEquals("Problems in " + folder + " (1 bundle installed from it)", lines.get(0));
    assertTrue(text, lines.get(1).matches("FILE\\s+REASON\\s+BUNDLE\\s+MESSAGE"));
    assertTrue(text, lines.get(2).matches("unresolved\\.jar\\s+UNRESOLVED\\s+" + Pattern.quote(name) + "\\s+" + Pattern.quote(message)));

    Answer json = getWithToken("/api/greenroom/v1/deploy");
    assertEquals(json.body(), 200, json.status());
    assertTrue(json.body(), json.body().contains("\"code\":\"UNRESOLVED\""));
    assertTrue(json.body(), json.body().contains("\"bundle\":\"" + name + "\""));
    assertTrue(json.body(), json.body().contains("\"requirement\":\"" + REQUIREMENT + "\""));

    Files.delete(file);
    awaitNoProblems();
    assertEquals(null, findBundle(BSN));
    String empty = shell("greenroom:deploy");
    System.out.println("greenroom:deploy after the jar was deleted:\n" + empty);
    assertEquals("No problems in " + folder + " (0 bundles installed from it)", empty);
  }

  @Test
  public void anUnresolvedBundleLeavesTheListWhenItsPackageArrives() throws Exception {
    Path importer = deploy(importer(workDir().resolve("waits-for-package.jar")));
    awaitProblem("an unresolved bundle", p -> p.code() == DeployProblemDTO.ReasonCode.UNRESOLVED);

    Path exporter = deploy(exporter(workDir().resolve("provides-package.jar")));
    awaitNoProblems();
    Bundle waiting = findBundle(BSN);
    long end = System.nanoTime() + LONG.toNanos();
    while (waiting.getState() == Bundle.INSTALLED && System.nanoTime() < end) {
      Thread.sleep(50); // FileInstall starts it again on a later poll
    }
    assertNotEquals("FileInstall never started " + BSN + " again", Bundle.INSTALLED, waiting.getState());
    assertEquals("No problems in " + deployDir() + "/ (2 bundles installed from it)", shell("greenroom:deploy"));

    // the framework is shared by this class's tests: leave the folder empty
    Files.delete(importer);
    Files.delete(exporter);
    end = System.nanoTime() + LONG.toNanos();
    while (runtime().deployFolder().installedBundles() > 0) {
      if (System.nanoTime() > end) {
        throw new AssertionError("still installed from the folder: " + runtime().deployFolder());
      }
      Thread.sleep(50);
    }
  }

  private String shell(String command) throws Exception {
    Object result = session.execute(command);
    assertNotNull(command, result);
    return session.format(result, Converter.INSPECT).toString();
  }

  private DeployProblemDTO awaitProblem(String what, Predicate<DeployProblemDTO> condition) throws Exception {
    long end = System.nanoTime() + LONG.toNanos();
    while (true) {
      List<DeployProblemDTO> problems = runtime().deployProblems();
      if (problems.size() == 1 && condition.test(problems.get(0))) {
        return problems.get(0);
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("not reported: " + what + "; problems: " + problems);
      }
      Thread.sleep(50);
    }
  }

  private void awaitNoProblems() throws Exception {
    long end = System.nanoTime() + LONG.toNanos();
    while (!runtime().deployProblems().isEmpty()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("still reported: " + runtime().deployProblems());
      }
      Thread.sleep(50);
    }
  }

  private void awaitAnyService(String filter) throws Exception {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      ServiceReference<?>[] refs = context.getServiceReferences((String) null, filter);
      if (refs != null && refs.length > 0) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("no service " + filter);
      }
      Thread.sleep(20);
    }
  }

  /** A throwaway bundle (no classes) that imports a package no installed bundle exports. */
  private static Path importer(Path target) throws IOException {
    return bundle(target, BSN, "Import-Package", "com.example.missing;version=\"1.0.0\"");
  }

  /** A throwaway bundle that exports that package (empty: the importer loads nothing from it). */
  private static Path exporter(Path target) throws IOException {
    return bundle(target, "dev.greenroom.itests.exporter", "Export-Package", "com.example.missing;version=\"1.0.0\"");
  }

  private static Path bundle(Path target, String bsn, String header, String value) throws IOException {
    Manifest m = new Manifest();
    Attributes main = m.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", bsn);
    main.putValue("Bundle-Version", "1.0.0");
    main.putValue(header, value);
    try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, m)) {
      jar.flush();
    }
    return target;
  }
}
