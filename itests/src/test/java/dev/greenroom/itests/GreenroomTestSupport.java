package dev.greenroom.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.url;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;
import static org.junit.Assert.fail;

import dev.greenroom.itests.logtrap.LogTrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
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
 * <p>Log trap (as Felix SCR's {@code ComponentTestBase}): a test fails when a WARN or ERROR line is
 * logged during it, by any bundle, unless the test declares it: {@link #expectedLogLines()} for
 * the lines the whole class provokes (at boot or in any of its tests), {@link #expectLog(String)}
 * for one test. Lines logged before a test starts (the framework's boot, or late lines of the
 * previous test) fail that test unless the class expects them. Patterns are regular expressions
 * found in {@code LEVEL <bundle> <logger> [<thread>]: <message> | <exception>: <message>}; keep
 * them specific (a level, a logger and the message), never {@code .*}.
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
    // start level 1: listening before pax-logging and the runtime (level 3) start
    options.add(bundle(logTrapBundle().toUri().toString()).startLevel(1));
    options.addAll(runtimeBundles());
    options.addAll(logging());
    options.add(junitBundles());
    // The run properties of runtime.bndrun (cnf/run/common.bndrun), adapted for tests. Not
    // greenroom.standalone: the framework is embedded in the test JVM, which owns its own exit.
    // Pax Web's first connector, before greenroom-http moves it to backend.listen: loopback only
    // (without this it opens 0.0.0.0:8080 for a moment; HttpTestSupport sets the same value)
    options.add(frameworkProperty("org.ops4j.pax.web.listening.addresses").value("127.0.0.1"));
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

  /**
   * The log-trap bundle: {@link LogTrap} from the test classes, with a manifest. Built here rather
   * than as a fixture module because it is part of every test framework and has one class.
   */
  private static Path logTrapBundle() {
    Path jar = workDir().resolve("logtrap.jar");
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
    main.putValue(Constants.BUNDLE_SYMBOLICNAME, LogTrap.SYMBOLIC_NAME);
    main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
    main.putValue(Constants.BUNDLE_ACTIVATOR, LogTrap.class.getName());
    main.putValue(Constants.IMPORT_PACKAGE,
        "org.osgi.framework;version=\"[1.8,2)\",org.osgi.service.log;version=\"[1.3,2)\",org.osgi.util.tracker;version=\"[1.5,2)\"");
    String entry = LogTrap.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = LogTrap.class.getClassLoader().getResourceAsStream(entry)) {
      if (in == null) {
        throw new IllegalStateException("no " + entry + " on the test class path");
      }
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  // ---- log trap (runs inside the framework) ----

  /** Patterns of this test (expectLog); a new test instance per test method. */
  private final List<Pattern> expectedInTest = new ArrayList<>();

  /**
   * The WARN and ERROR lines this test class provokes on purpose, at boot or in any of its tests:
   * regular expressions, each specific to one line (see the class comment). Default: none.
   */
  protected List<String> expectedLogLines() {
    return List.of();
  }

  /**
   * A pattern for one trapped line: {@code level} ({@code WARN} or {@code ERROR}), the logger's
   * name (Greenroom's loggers are named after the plugin, {@code backstage} for the runtime) and a
   * regular expression for the start of the message. The logging bundle and the thread vary from
   * run to run and are left open.
   */
  protected static String logLine(String level, String logger, String messageRegex) {
    return "^" + level + " \\S+ " + Pattern.quote(logger) + " \\[.*?\\]: " + messageRegex;
  }

  /** Declares that the running test provokes a WARN or ERROR line matching {@code regex}. */
  protected void expectLog(String regex) {
    expectedInTest.add(Pattern.compile(regex));
  }

  /** Lines logged before this test began (boot, or late lines of the previous test). */
  @Before
  public void checkLogBeforeTest() {
    checkLog("before this test (at the framework's boot, or late from the previous test)", classPatterns());
  }

  /** Lines logged during this test. */
  @After
  public void checkLogAfterTest() {
    List<Pattern> patterns = new ArrayList<>(classPatterns());
    patterns.addAll(expectedInTest);
    checkLog("during this test", patterns);
  }

  private List<Pattern> classPatterns() {
    List<Pattern> out = new ArrayList<>();
    for (String regex : expectedLogLines()) {
      out.add(Pattern.compile(regex));
    }
    return out;
  }

  private void checkLog(String when, List<Pattern> expected) {
    List<String> unexpected = new ArrayList<>();
    for (String line : logTrap().get()) {
      if (expected.stream().noneMatch(p -> p.matcher(line).find())) {
        unexpected.add(line);
      }
    }
    if (!unexpected.isEmpty()) {
      fail("unexpected WARN/ERROR log lines " + when + " (declare the ones the test provokes on purpose in "
          + "expectedLogLines() or with expectLog(regex)):\n  " + String.join("\n  ", unexpected));
    }
  }

  /** The trap's drain; fails when the trap bundle is not running (every line would go unseen). */
  @SuppressWarnings("unchecked")
  private Supplier<List<String>> logTrap() {
    try {
      var refs = context.getServiceReferences(Supplier.class, "(" + LogTrap.PROPERTY + "=true)");
      if (refs.isEmpty()) {
        throw new AssertionError("the log trap bundle " + LogTrap.SYMBOLIC_NAME + " is not running");
      }
      return (Supplier<List<String>>) context.getService(refs.iterator().next());
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
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
