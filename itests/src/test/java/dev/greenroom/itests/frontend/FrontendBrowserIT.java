package dev.greenroom.itests.frontend;

import static org.junit.Assert.assertEquals;
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
 * real headless Chromium loads {@code /}, follows the nav item to the example page, meets the
 * sign-in page there, signs in (as a guest; through OpenID Connect against {@link
 * LoopbackOidcIssuer}, a tiny issuer the test runs on loopback), sees the examples, signs out, and
 * loads the visualizer. Screenshots go to {@code itests/<target>/screenshots/}.
 *
 * <p>Sign-in runs in one Chromium kept open over the DevTools protocol ({@link ChromiumSession}):
 * its cookies live from page to page, it follows the real redirects (app, plugin {@code auth}, the
 * issuer) and submits the real sign-out form.
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
  private static final int ISSUER_PORT = freePort();
  private static final String[] EXAMPLE_ROWS = {"hello (greetings)", "hola (greetings)", "tagged: greeting, demo (tags)"};
  private static final Pattern NAV_LINK =
      Pattern.compile("<nav class=\"gr-nav\">.*?<a href=\"([^\"]+)\"[^>]*>Examples</a>", Pattern.DOTALL);

  @Override
  protected Option[] extraOptions() {
    Path config = workDir().resolve("frontend-app-config.yaml");
    try {
      Files.writeString(config, "backend:\n  baseUrl: http://127.0.0.1:" + PORT + "\n  listen:\n    port: " + PORT + "\n"
          + "auth:\n  environment: development\n  providers:\n    guest: {}\n    oidc:\n      development:\n"
          + "        metadataUrl: http://127.0.0.1:" + ISSUER_PORT + "/.well-known/openid-configuration\n"
          + "        clientId: " + LoopbackOidcIssuer.CLIENT_ID + "\n        clientSecret: " + LoopbackOidcIssuer.CLIENT_SECRET + "\n"
          + "        signIn:\n          resolvers:\n            - resolver: emailLocalPartMatchingUserEntityName\n"
          + "              dangerouslyAllowSignInWithoutUserInCatalog: true\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Option[] {
      frameworkProperty("org.osgi.service.http.port").value(String.valueOf(PORT)),
      frameworkProperty("org.ops4j.pax.web.listening.addresses").value("127.0.0.1"),
      frameworkProperty("greenroom.config").value(config.toString()),
      frameworkProperty("greenroom.itest.frontend.port").value(String.valueOf(PORT)),
      frameworkProperty("greenroom.itest.oidc.port").value(String.valueOf(ISSUER_PORT)),
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
  public void loadsTheHomeFollowsTheNavItemAndMeetsTheSignInPage() throws Exception {
    String home = appUrl("/");
    String homeDom = HeadlessChromium.dumpDom(home);
    assertTrue(homeDom, homeDom.contains("Welcome to Greenroom"));
    HeadlessChromium.screenshot(home, screenshots().resolve("01-home.png"));

    Matcher link = NAV_LINK.matcher(homeDom);
    assertTrue("no nav item 'Examples' (title from the module) in " + homeDom, link.find());
    String examples = followHref(home, link.group(1));
    String examplesDom = HeadlessChromium.dumpDom(examples);
    HeadlessChromium.screenshot(examples, screenshots().resolve("02-examples-anonymous.png"));
    // An anonymous visitor gets the sign-in page, listing the configured providers, and no data.
    assertTrue(examplesDom, examplesDom.contains("<title>Sign in | Greenroom</title>"));
    assertTrue(examplesDom, examplesDom.contains("data-provider=\"guest\""));
    assertTrue(examplesDom, examplesDom.contains("data-provider=\"oidc\""));
    assertNoRows(examplesDom);
    assertEquals(401, get(examples).statusCode());
  }

  @Test
  public void aGuestSignsInSeesTheExamplesAndSignsOut() throws Exception {
    try (ChromiumSession browser = ChromiumSession.start()) {
      browser.navigate(appUrl("/examples"));
      String signIn = browser.dom();
      assertTrue(signIn, signIn.contains("<title>Sign in | Greenroom</title>"));
      assertNoRows(signIn);

      browser.clickAndWait("li[data-provider=guest] a.gr-signin-button");
      String examples = browser.dom();
      browser.screenshot(screenshots().resolve("04-examples-guest.png"));
      assertTrue(browser.url() + "\n" + examples, examples.contains("<title>Examples | Greenroom</title>"));
      // Read on behalf of the guest: the example backend answered 200 to a user, not to the app.
      assertEquals(examples, "200", backendStatus(examples));
      for (String row : EXAMPLE_ROWS) {
        assertTrue(row + " missing in " + examples, examples.contains(row));
      }
      assertTrue(examples, examples.contains("<span class=\"gr-user-ref\">user:development/guest</span>"));

      browser.clickAndWait("button.gr-signout");
      browser.navigate(appUrl("/examples"));
      String after = browser.dom();
      browser.screenshot(screenshots().resolve("05-examples-signed-out.png"));
      assertTrue(after, after.contains("<title>Sign in | Greenroom</title>"));
      assertNoRows(after);
    }
  }

  @Test
  public void signsInThroughTheLoopbackOidcIssuer() throws Exception {
    int issuerPort = Integer.parseInt(context.getProperty("greenroom.itest.oidc.port"));
    try (LoopbackOidcIssuer issuer = new LoopbackOidcIssuer(issuerPort);
        ChromiumSession browser = ChromiumSession.start()) {
      browser.navigate(appUrl("/examples"));
      assertNoRows(browser.dom());

      // app -> /api/auth/oidc/start -> issuer /authorize -> /api/auth/oidc/handler/frame -> /examples
      browser.clickAndWait("li[data-provider=oidc] a.gr-signin-button");
      String examples = browser.dom();
      browser.screenshot(screenshots().resolve("06-examples-oidc.png"));
      assertEquals(1, issuer.authorizations.get());
      assertEquals("the token request carried the PKCE verifier of the challenge", 1, issuer.pkceVerified.get());
      assertTrue(browser.url() + "\n" + examples, examples.contains("<title>Examples | Greenroom</title>"));
      for (String row : EXAMPLE_ROWS) {
        assertTrue(row + " missing in " + examples, examples.contains(row));
      }
      // signIn.resolvers: emailLocalPartMatchingUserEntityName without a catalog
      assertTrue(examples, examples.contains("<span class=\"gr-user-ref\">user:default/ada.lovelace</span>"));
    }
  }

  @Test
  public void aForgedCallbackSignsNobodyIn() throws Exception {
    int issuerPort = Integer.parseInt(context.getProperty("greenroom.itest.oidc.port"));
    try (LoopbackOidcIssuer issuer = new LoopbackOidcIssuer(issuerPort);
        ChromiumSession browser = ChromiumSession.start()) {
      // No start, so no nonce cookie: the callback is refused, nothing is signed in.
      String state = java.util.HexFormat.of().formatHex(
          ("nonce=forged&env=development&flow=redirect&redirectUrl=" + java.net.URLEncoder.encode(appUrl("/examples"),
              StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
      browser.navigate("http://127.0.0.1:" + port() + "/api/auth/oidc/handler/frame?code=x&state=" + state);
      assertTrue(browser.url(), browser.url().contains("error=Auth%20response%20is%20missing%20cookie%20nonce")
          || browser.url().contains("error=Auth+response+is+missing+cookie+nonce"));
      browser.navigate(appUrl("/examples"));
      String dom = browser.dom();
      assertTrue(dom, dom.contains("<title>Sign in | Greenroom</title>"));
      assertNoRows(dom);
      assertEquals(0, issuer.pkceVerified.get());
    }
  }

  private static void assertNoRows(String dom) {
    assertTrue(dom, !dom.contains("gr-example\""));
    for (String row : EXAMPLE_ROWS) {
      assertTrue(row + " shown to a visitor who is not signed in: " + dom, !dom.contains(row));
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
