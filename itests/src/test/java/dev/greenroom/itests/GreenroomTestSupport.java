package dev.greenroom.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.url;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Base class of every Pax Exam test: one Felix per test class ({@link PerClass}) running exactly
 * the bundles of {@code runtime.bndrun} (as exported by {@code features/} to {@code
 * features/target/export/runtime/}) minus the Gogo shell, plus JUnit.
 *
 * <p>Write a test:
 *
 * <pre>
 * public class MyIT extends GreenroomTestSupport {
 *   &#64;Inject BackendFeature someService;        // optional: Pax Exam waits for it
 *   &#64;Test public void works() { ... context ... }
 * }
 * </pre>
 *
 * <p>Extra bundles: build a fixture module under {@code itests/fixtures/} (see its pom.xml), then
 * either override {@link #extraOptions()} to return {@code fixtureBundle("name")} (installed and
 * started with the runtime) or call {@link #installFixture(String)} from a test (hot install into
 * the running framework). Class names must end in {@code IT} (failsafe).
 *
 * <p>Paths come from failsafe system properties ({@code itests/pom.xml}); the JVM's working
 * directory is {@code itests/target/itest-cwd}, so relative paths the runtime uses stay in target.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class GreenroomTestSupport {

  /** Folder with the exported run bundles of runtime.bndrun. */
  public static final String RUNTIME_DIR_PROPERTY = "greenroom.itest.runtime.dir";
  /** Folder with the fixture jars, named {@code <artifactId>.jar}. */
  public static final String FIXTURES_DIR_PROPERTY = "greenroom.itest.fixtures.dir";
  /** Scratch folder for the tests (framework storage, FileInstall folder, ...). */
  public static final String WORK_DIR_PROPERTY = "greenroom.itest.work.dir";

  /** Bundles of the run set that are not installed in tests. */
  public static final List<String> SKIPPED_BUNDLES =
      List.of(
          // Gogo's console would read the test JVM's stdin and stop the framework at its end.
          "org.apache.felix.gogo.shell");

  public static final String RUNTIME_BSN = "dev.greenroom.backend.runtime";

  /** The default timeout of the await helpers. */
  protected static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject protected BundleContext context;

  @Configuration
  public Option[] config() {
    List<Option> options = new ArrayList<>();
    options.add(workingDirectory(workDir().resolve("paxexam").toString()));
    options.add(cleanCaches(true));
    emptyDir(deployDir());
    options.addAll(runtimeBundles());
    options.addAll(logging());
    options.add(junitBundles());
    // The run properties of runtime.bndrun (cnf/run/common.bndrun), adapted for tests. Not
    // greenroom.standalone: the framework is embedded in the test JVM, which owns its own exit.
    options.add(frameworkProperty("felix.fileinstall.dir").value(deployDir().toString()));
    options.add(frameworkProperty("felix.fileinstall.poll").value("250"));
    options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
    options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
    // FileInstall's scratch folder defaults to java.io.tmpdir and is left behind: keep it in target
    options.add(frameworkProperty("felix.fileinstall.tmpdir").value(createDir(workDir().resolve("fileinstall-tmp")).toString()));
    // Each class its own config file: by default in-memory databases, because plugin databases on
    // disk under the shared working directory would be locked by the previous class's framework.
    options.add(frameworkProperty("greenroom.config").value(writeConfig(configYaml()).toString()));
    options.addAll(Arrays.asList(extraOptions()));
    return options.toArray(new Option[0]);
  }

  /** The app-config.yaml of this test class's backend (framework property {@code greenroom.config}). */
  protected String configYaml() {
    return "backend:\n  database: { client: h2, connection: ':memory:' }\n";
  }

  private Path writeConfig(String yaml) {
    Path file = createDir(workDir().resolve("config")).resolve(getClass().getSimpleName() + ".yaml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Override to add options: fixture bundles, framework properties, ... */
  protected Option[] extraOptions() {
    return new Option[0];
  }

  // ---- provisioning (runs outside the framework, while Pax Exam builds the configuration) ----

  /** One option per jar of the exported run set; fragments are installed but not started. */
  public static List<Option> runtimeBundles() {
    Path dir = requiredDir(RUNTIME_DIR_PROPERTY);
    try (Stream<Path> jars = Files.list(dir)) {
      List<Path> sorted =
          jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
      if (sorted.isEmpty()) {
        throw new IllegalStateException("no bundles in " + dir + ": build features/ first");
      }
      List<Option> options = new ArrayList<>();
      for (Path jar : sorted) {
        Attributes main = manifest(jar);
        String bsn = symbolicName(main);
        if (SKIPPED_BUNDLES.contains(bsn)) {
          continue;
        }
        options.add(bundleOption(jar, main));
      }
      return options;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pax Exam's own bundles import {@code org.slf4j} [1.4,2). failsafe sets {@code
   * pax.exam.logging=none} so that Pax Exam does not add its old pax-logging-api next to the one a
   * runtime set with Pax Web brings (two copies, DEBUG noise); when the run set exports no {@code
   * org.slf4j} at all, the pax-logging-api that comes with pax-exam-link-assembly is added here.
   * Its level is {@code org.ops4j.pax.logging.DefaultServiceLog.level} (WARN, from failsafe).
   */
  public static List<Option> logging() {
    if (!"none".equals(System.getProperty("pax.exam.logging"))) {
      return List.of(); // Pax Exam adds its own logging bundles
    }
    Path dir = requiredDir(RUNTIME_DIR_PROPERTY);
    try (Stream<Path> jars = Files.list(dir)) {
      boolean slf4j =
          jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
              .map(GreenroomTestSupport::manifest)
              .map(m -> m.getValue(Constants.EXPORT_PACKAGE))
              .anyMatch(e -> e != null && e.matches("(?s)(^|.*[,\\s])org\\.slf4j\\s*[;,].*|(^|.*[,\\s])org\\.slf4j\\s*$"));
      if (slf4j) {
        return List.of();
      }
      return List.of(url("link:classpath:META-INF/links/org.ops4j.pax.logging.api.link").startLevel(2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture bundle ({@code itests/fixtures/<name>}), installed and started with the runtime. */
  public static Option fixtureBundle(String name) {
    Path jar = fixtureJar(name);
    return bundleOption(jar, manifest(jar));
  }

  /** The jar of fixture module {@code name}. */
  public static Path fixtureJar(String name) {
    Path jar = requiredDir(FIXTURES_DIR_PROPERTY).resolve(name + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no fixture " + jar + ": is " + name + " a module of itests/fixtures and a dependency of itests?");
    }
    return jar;
  }

  /**
   * The folder FileInstall watches in this test class's framework: {@code
   * target/itest-work/deploy/<TestClass>}, emptied when the class's configuration is built.
   */
  protected Path deployDir() {
    return createDir(workDir().resolve("deploy").resolve(getClass().getSimpleName()));
  }

  /** Scratch space of the tests, below itests/target. */
  public static Path workDir() {
    return createDir(requiredDir(WORK_DIR_PROPERTY));
  }

  private static UrlProvisionOption bundleOption(Path jar, Attributes main) {
    UrlProvisionOption option = bundle(jar.toUri().toString());
    return main.getValue(Constants.FRAGMENT_HOST) != null ? option.noStart() : option;
  }

  private static Attributes manifest(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getManifest() == null) {
        throw new IllegalStateException("no manifest in " + jar);
      }
      return file.getManifest().getMainAttributes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String symbolicName(Attributes main) {
    String bsn = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
    return bsn == null ? "" : bsn.split(";")[0].trim();
  }

  private static Path requiredDir(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set (run the ITs with failsafe)");
    }
    return Paths.get(value).toAbsolutePath().normalize();
  }

  private static void emptyDir(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.collect(Collectors.toList())) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDir(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- helpers for test methods (run inside the framework) ----

  /** Installs fixture {@code name} into the running framework and starts it (unless a fragment). */
  protected Bundle installFixture(String name) throws BundleException {
    Path jar = fixtureJar(name);
    Bundle bundle = context.installBundle(jar.toUri().toString());
    if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
      bundle.start();
    }
    return bundle;
  }

  /** The installed bundle with this symbolic name, or null. */
  protected Bundle findBundle(String symbolicName) {
    for (Bundle b : context.getBundles()) {
      if (symbolicName.equals(b.getSymbolicName())) {
        return b;
      }
    }
    return null;
  }

  /** Whether a bundle is a fragment (fragments never become ACTIVE). */
  protected static boolean isFragment(Bundle bundle) {
    return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
  }

  /** Bundle state as a word, for assertion messages. */
  protected static String stateName(int state) {
    switch (state) {
      case Bundle.UNINSTALLED: return "UNINSTALLED";
      case Bundle.INSTALLED: return "INSTALLED";
      case Bundle.RESOLVED: return "RESOLVED";
      case Bundle.STARTING: return "STARTING";
      case Bundle.STOPPING: return "STOPPING";
      case Bundle.ACTIVE: return "ACTIVE";
      default: return "state " + state;
    }
  }

  /** Waits until the bundle reaches {@code state}; fails with the bundle's state otherwise. */
  protected void awaitState(Bundle bundle, int state, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (bundle.getState() != state) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            bundle.getSymbolicName() + " is " + stateName(bundle.getState()) + ", expected " + stateName(state));
      }
      Thread.sleep(20);
    }
  }

  /**
   * Waits for a service of {@code clazz} matching {@code filter} (may be null) and returns it.
   * Uses the service of highest ranking; the reference stays "got" until the framework stops.
   */
  protected <T> T awaitService(Class<T> clazz, String filter, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        ServiceReference<T> best = null;
        for (ServiceReference<T> ref : context.getServiceReferences(clazz, filter)) {
          if (best == null || ref.compareTo(best) > 0) {
            best = ref;
          }
        }
        if (best != null) {
          T service = context.getService(best);
          if (service != null) {
            return service;
          }
        }
      } catch (InvalidSyntaxException e) {
        throw new IllegalArgumentException(e);
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("no service " + clazz.getName() + (filter == null ? "" : " " + filter));
      }
      Thread.sleep(20);
    }
  }

  /**
   * Hot deploy: copies a jar (or .cfg file) into the FileInstall folder, atomically, so FileInstall
   * never sees a half-written file. Returns the deployed path; delete it to uninstall.
   */
  protected Path deploy(Path file) throws IOException {
    Path target = deployDir().resolve(file.getFileName());
    Path tmp = Files.createTempFile(workDir(), "deploy-", ".tmp");
    Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
    return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
