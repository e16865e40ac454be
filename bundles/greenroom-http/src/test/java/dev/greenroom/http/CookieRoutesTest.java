package dev.greenroom.http;

import static dev.greenroom.http.RootHttpRouterTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.services.HttpRouterService;
import dev.greenroom.backend.api.services.HttpRouterServiceAuthPolicy;
import dev.greenroom.backend.test.base.TestBackend;
import dev.greenroom.http.router.Router;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET}/{@code DELETE /.backstage/auth/v1/cookie} on every plugin router, after the barrier. */
@Timeout(60)
class CookieRoutesTest {
  private static final String COOKIE = "/api/things/.backstage/auth/v1/cookie";
  private static final String USER = "Bearer " + TokenAuth.USER_TOKEN;

  private static BackendPlugin things() {
    return BackendPlugin.create("things", env -> env.registerInit(Deps.of(CoreServices.HTTP_ROUTER), deps -> {
      HttpRouterService router = deps.get(CoreServices.HTTP_ROUTER);
      router.addAuthPolicy(HttpRouterServiceAuthPolicy.userCookie("/static"));
      router.use(Router.create()
          .get("/static/x", req -> List.of("cookie ok"))
          .get("/things/{id}", req -> Map.of("id", req.param("id")))
          .build());
    }));
  }

  @Test
  void getIssuesTheCookieAndTheCookieAloneIsAcceptedWhereAPolicyAllowsIt() throws Exception {
    HttpBackend http = new HttpBackend();
    http.builder.add(things());
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> issued = http.get(COOKIE, "Authorization", USER);
      assertEquals(200, issued.statusCode());
      // JavaScript's toISOString(): milliseconds always present
      assertEquals("{\"expiresAt\":\"2030-01-02T03:04:05.000Z\"}", issued.body());
      assertEquals("application/json;charset=utf-8",
          issued.headers().firstValue("Content-Type").orElseThrow().toLowerCase());
      String setCookie = issued.headers().firstValue("Set-Cookie").orElseThrow();
      assertEquals("limited=1; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT", setCookie);

      String cookie = setCookie.substring(0, setCookie.indexOf(';'));
      assertEquals("[\"cookie ok\"]", http.get("/api/things/static/x", "Cookie", cookie).body());
      assertEquals(403, http.get("/api/things/things/1", "Cookie", cookie).statusCode());
    }
  }

  @Test
  void deleteClearsTheCookieWith204() throws Exception {
    HttpBackend http = new HttpBackend();
    http.builder.add(things());
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(http.uri(COOKIE)).DELETE(), "Authorization", USER);
      assertEquals(204, cleared.statusCode());
      assertEquals("", cleared.body());
      assertEquals("limited=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
          cleared.headers().firstValue("Set-Cookie").orElseThrow());
    }
  }

  @Test
  void serviceCredentialsAre403AndTheBarrierComesFirst() throws Exception {
    HttpBackend http = new HttpBackend();
    http.builder.add(things());
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> service = http.get(COOKIE, "Authorization", "Bearer " + TokenAuth.SERVICE_TOKEN);
      assertEquals(403, service.statusCode());
      assertEquals(Map.of("name", "NotAllowedError", "message", "This endpoint does not allow 'service' credentials"),
          JSON.readValue(service.body(), Map.class).get("error"));
      assertEquals(List.of(), service.headers().allValues("Set-Cookie"));

      // DELETE needs no credentials of its own: the 401 is the barrier's
      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(http.uri(COOKIE)).DELETE());
      assertEquals(401, anonymous.statusCode());
      assertEquals(Map.of("name", "AuthenticationError", "message", "Missing credentials"),
          JSON.readValue(anonymous.body(), Map.class).get("error"));
      assertEquals(List.of(), anonymous.headers().allValues("Set-Cookie"));

      // other methods are not cookie routes: on to the plugin's handlers, which have none
      HttpResponse<String> post = http.send(
          HttpRequest.newBuilder(http.uri(COOKIE)).POST(HttpRequest.BodyPublishers.noBody()), "Authorization", USER);
      assertEquals(404, post.statusCode());
    }
  }

  @Test
  void withTheDefaultPolicyDisabledTheCookieRouteStillNeedsAUser() throws Exception {
    HttpBackend http = new HttpBackend(Map.of("auth", Map.of("dangerouslyDisableDefaultAuthPolicy", true)));
    http.builder.add(things());
    try (TestBackend backend = http.builder.start()) {
      HttpResponse<String> anonymous = http.get(COOKIE);
      assertEquals(401, anonymous.statusCode());
      assertEquals(Map.of("name", "AuthenticationError", "message", "Missing credentials"),
          JSON.readValue(anonymous.body(), Map.class).get("error"));
      assertEquals(200, http.get(COOKIE, "Authorization", USER).statusCode());
    }
  }
}
