package dev.greenroom.itests.frontend;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.greenroom.itests.GreenroomTestSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The frontend as a person meets it: the run set serves the app (backend plugin {@code app}) and a
 * real headless Chromium loads {@code /}, follows the nav item to the example page, sees the
 * examples and loads the visualizer. Screenshots go to {@code itests/<target>/screenshots/}.
 *
 * <p>"Following" the nav item: Chromium renders {@code /}, the test reads the nav link's {@code
 * href} from the DOM Chromium dumped, resolves it against the page URL as a click would, and has
 * Chromium load that URL (one Chromium process per page, {@code --dump-dom}/{@code --screenshot};
 * the pages are server-rendered with no script, so a click does nothing more than this).
 *
 * <p>Without {@code /usr/bin/chromium}: fails when {@code CI=true}, skipped otherwise.
 */
public class FrontendBrowserIT extends GreenroomTestSupport {
  private static final int PORT = freePort();
  private static final Pattern NAV_LINK =
      Pattern.compile("<nav class=\"gr-nav\">.*?<a href=\"([^\"]+)\"[^>]*>Examples</a>", Pattern.DOTALL);

  @Override
  protected Option[] extraOptions() {
    Path config = workDir().resolve("frontend-app-config.yaml");
    try {
      Files.writeString(config, "backend:\n  baseUrl: http://127.0.0.1:" + PORT + "\n  listen:\n    port: " + PORT + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Option[] {
      frameworkProperty("org.osgi.service.http.port").value(String.valueOf(PORT)),
      frameworkProperty("org.ops4j.pax.web.listening.addresses").value("127.0.0.1"),
      frameworkProperty("greenroom.config").value(config.toString()),
      frameworkProperty("greenroom.itest.frontend.port").value(String.valueOf(PORT)),
    };
  }

  @Before
  public void chromiumAndAppAreThere() throws Exception {
    if (!HeadlessChromium.installed()) {
      String message = HeadlessChromium.BINARY + " is missing: apt-get install -y chromium";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      // Pax Exam's probe may report a skipped test as passed: say it where the build log shows it.
      System.err.println("SKIPPED " + getClass().getSimpleName() + ": " + message);
      assumeTrue(message, false);
    }
    awaitApp();
  }

  @Test
  public void loadsTheHomeFollowsTheNavItemAndSeesTheExamplePage() throws Exception {
    String home = appUrl("/");
    String homeDom = HeadlessChromium.dumpDom(home);
    assertTrue(homeDom, homeDom.contains("Welcome to Greenroom"));
    HeadlessChromium.screenshot(home, screenshots().resolve("01-home.png"));

    Matcher link = NAV_LINK.matcher(homeDom);
    assertTrue("no nav item 'Examples' (title from the module) in " + homeDom, link.find());
    String examples = followHref(home, link.group(1));
    String examplesDom = HeadlessChromium.dumpDom(examples);
    HeadlessChromium.screenshot(examples, screenshots().resolve("02-examples.png"));
    assertTrue(examplesDom, examplesDom.contains("<title>Examples | Greenroom</title>"));
    assertTrue(examplesDom, examplesDom.contains("<section class=\"gr-examples\""));
    // The page reached the example backend with the app's service token: never a 401/403 answer.
    String status = backendStatus(examplesDom);
    assertNotEquals(examplesDom, "401", status);
    assertNotEquals(examplesDom, "403", status);
    assertEquals("GET /api/example/examples as the app plugin: " + examplesDom, "200", status);
    for (String example : new String[] {"hello (greetings)", "hola (greetings)", "tagged: greeting, demo (tags)"}) {
      assertTrue(example + " missing in " + examplesDom, examplesDom.contains(example));
    }
  }

  @Test
  public void theVisualizerDrawsTheLiveTree() throws Exception {
    String url = appUrl("/visualizer");
    String dom = HeadlessChromium.dumpDom(url);
    HeadlessChromium.screenshot(url, screenshots().resolve("03-visualizer.png"));
    assertTrue(dom, dom.contains("<h1>Extension tree</h1>"));
    for (String id : new String[] {"page:example", "nav-item:example", "page:app/home", "app/routes"}) {
      assertTrue(id + " missing in " + dom, dom.contains("data-id=\"" + id + "\""));
    }
  }

  @Test
  public void anUnknownPathIsTheAppsNotFoundPage() throws Exception {
    HttpResponse<String> response = get(appUrl("/no/such/page"));
    assertEquals(404, response.statusCode());
    assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
    assertTrue(response.body(), response.body().contains("<code>/no/such/page</code>"));
  }

  @Test
  public void theShellPrintsTheTree() throws Exception {
    CommandProcessor processor = awaitService(CommandProcessor.class, null, TIMEOUT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandSession session = processor.createSession(
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String tree = String.valueOf(session.execute("greenroom:tree"));
      assertTrue(tree, tree.startsWith("root [active] plugin=app"));
      assertTrue(tree, tree.contains("page:example [active] plugin=example"));
      assertTrue(tree, tree.contains("nav-item:example [active] plugin=example"));
    } finally {
      session.close();
    }
  }

  // ---- helpers ----

  /**
   * Where the app is: {@code /} once the root router serves the {@code app} plugin on non-{@code
   * /api} paths (indexPath), else its own mount {@code /api/app}.
   */
  private String appBase;

  private String appUrl(String path) {
    return appBase + path;
  }

  private void awaitApp() throws Exception {
    String root = "http://127.0.0.1:" + port();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (get(root + "/api/app/visualizer").statusCode() == 200) {
          HttpResponse<String> index = get(root + "/");
          appBase = index.body().contains("Welcome to Greenroom") ? root : root + "/api/app";
          return;
        }
      } catch (IOException notYet) {
        // Pax Web not listening yet
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("the app was not served at " + root + "/api/app within 60 s");
      }
      Thread.sleep(100);
    }
  }

  /** The href as a click would resolve it; app-absolute links stay below the app's base. */
  private String followHref(String pageUrl, String href) {
    String resolved = URI.create(pageUrl).resolve(href).toString();
    String root = "http://127.0.0.1:" + port();
    if (!appBase.equals(root) && href.startsWith("/")) {
      // Without indexPath the app only lives below /api/app: a root-absolute link means the same there.
      return appBase + href;
    }
    return resolved;
  }

  private static String backendStatus(String dom) {
    Matcher m = Pattern.compile("data-backend-status=\"(\\d+)\"").matcher(dom);
    return m.find() ? m.group(1) : "none";
  }

  private int port() {
    return Integer.parseInt(context.getProperty("greenroom.itest.frontend.port"));
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Path screenshots() {
    return workDir().getParent().resolve("screenshots");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
