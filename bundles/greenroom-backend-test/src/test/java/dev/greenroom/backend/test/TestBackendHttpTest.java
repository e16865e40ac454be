package dev.greenroom.backend.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.BackstagePrincipalType;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.http.router.Router;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against greenroom-http's real router and barrier, with the mock httpAuth: credentials
 * accepted and refused (Backstage's 401/403 bodies), JSON bodies both ways, headers, methods.
 */
@Timeout(60)
class TestBackendHttpTest {
  /** Plugin {@code echo}: {@code /whoami} answers the caller, {@code /open} needs nothing, {@code /items} echoes bodies. */
  static BackendPlugin echo() {
    return BackendPlugin.create("echo", env -> env.registerInit(
        Deps.of(CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH, CoreServices.DISCOVERY),
        deps -> {
          var router = deps.get(CoreServices.HTTP_ROUTER);
          var httpAuth = deps.get(CoreServices.HTTP_AUTH);
          router.addAuthPolicy(HttpRouterServiceAuthPolicy.unauthenticated("/open"));
          router.addAuthPolicy(HttpRouterServiceAuthPolicy.userCookie("/cookie"));
          router.use(Router.create()
              .get("/whoami", req -> Map.of("principal", String.valueOf(httpAuth.credentials(req.servletRequest()).principal())))
              .get("/open", req -> Map.of("base", deps.get(CoreServices.DISCOVERY).getBaseUrl("echo")))
              .get("/cookie", req -> Map.of("principal", String.valueOf(httpAuth.credentials(
                  req.servletRequest(), EnumSet.of(BackstagePrincipalType.USER), true).principal())))
              .post("/items", req -> req.body(Map.class))
              .build());
        }));
  }

  @Test
  void credentialsAreAcceptedAndRefusedAsInBackstage() {
    try (TestBackend backend = TestBackend.start(echo())) {
      TestHttp http = backend.http();
      assertEquals(Map.of("principal", "BackstageUserPrincipal[userEntityRef=user:default/mock]"),
          http.get("/api/echo/whoami").send().jsonMap(), "no header: the default mock user");
      assertEquals(Map.of("principal", "BackstageUserPrincipal[userEntityRef=user:default/alice]"),
          http.get("/api/echo/whoami").credentials(MockCredentials.user("user:default/alice")).send().jsonMap());
      assertEquals(Map.of("principal", "BackstageServicePrincipal[subject=plugin:catalog, accessRestrictions=null]"),
          http.get("/api/echo/whoami").credentials(MockCredentials.service("plugin:catalog")).send().jsonMap());

      assertRefused(http.get("/api/echo/whoami").credentials(MockCredentials.none()).send(),
          401, "AuthenticationError", "Missing credentials");
      assertRefused(http.get("/api/echo/whoami").header("Authorization", MockCredentials.User.invalidHeader()).send(),
          401, "AuthenticationError", "User token is invalid");
      assertRefused(http.get("/api/echo/whoami").header("Authorization", "Bearer bad").send(),
          401, "AuthenticationError", "Unknown mock token 'bad'");
      assertRefused(http.get("/api/echo/whoami")
              .header("Authorization", "Bearer " + MockCredentials.LimitedUser.token()).send(),
          401, "AuthenticationError", "Limited user token is not allowed");

      assertEquals(200, http.get("/api/echo/open").credentials(MockCredentials.none()).send().status());
    }
  }

  @Test
  void theLimitedCookieCountsOnlyWhereAPolicyAllowsIt() {
    try (TestBackend backend = TestBackend.builder().add(echo()).defaultCredentials(MockCredentials.none()).start()) {
      TestHttp http = backend.http();
      assertEquals(Map.of("principal", "BackstageUserPrincipal[userEntityRef=user:default/bob]"),
          http.get("/api/echo/cookie").cookie(MockCredentials.LimitedUser.cookie("user:default/bob")).send().jsonMap());
      assertRefused(http.get("/api/echo/whoami").cookie(MockCredentials.LimitedUser.cookie()).send(),
          401, "AuthenticationError", "Missing credentials");
      assertRefused(http.get("/api/echo/whoami").send(), 401, "AuthenticationError", "Missing credentials");
    }
  }

  @Test
  void jsonBodiesHeadersAndNotFound() {
    try (TestBackend backend = TestBackend.start(echo())) {
      TestResponse posted = backend.http().post("/api/echo/items").json(Map.of("title", "milk", "n", 2)).send();
      assertEquals(200, posted.status(), posted.body());
      assertEquals(Map.of("title", "milk", "n", 2), posted.jsonMap());
      assertTrue(posted.header("content-type").orElseThrow().startsWith("application/json"));

      TestResponse missing = backend.http().delete("/api/echo/nothing").send();
      assertEquals(404, missing.status());
      assertEquals("", missing.body(), "Backstage's notFound handler: an empty 404");

      String base = (String) backend.http().get("/api/echo/open").send().jsonMap().get("base");
      assertEquals(backend.http().baseUri().resolve("/api/echo").toString(), base, "discovery points at the test server");
    }
  }

  private static void assertRefused(TestResponse r, int status, String name, String message) {
    assertEquals(status, r.status(), r.body());
    assertEquals(name, r.json().path("error").path("name").asText(), r.body());
    assertEquals(message, r.json().path("error").path("message").asText(), r.body());
  }
}
