package dev.greenroom.auth.backend.module.guest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTParser;
import dev.greenroom.auth.backend.internal.TokenFactory;
import dev.greenroom.auth.node.AuthProviderFactoryContext;
import dev.greenroom.backend.api.errors.NotAllowedError;
import dev.greenroom.backend.api.errors.NotImplementedError;
import dev.greenroom.backend.test.base.CapturingLogger;
import dev.greenroom.backend.test.base.MapConfigs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestProviderTest {
  private static final String APP = "http://127.0.0.1:7007";
  private final CapturingLogger log = new CapturingLogger();
  private final TokenFactory tokens = new TokenFactory(APP + "/api/auth", Duration.ofHours(1), log.logger(), Clock.systemUTC());
  private final List<String> cookies = new ArrayList<>();

  private GuestProvider provider(String environment, Map<String, Object> guestConfig) {
    return new GuestProvider(new AuthProviderFactoryContext(
        "guest", MapConfigs.rootConfig(guestConfig), environment, APP + "/api/auth", APP,
        origin -> origin.startsWith(APP), tokens::issueToken, (response, token) -> cookies.add(token),
        log.logger(), Clock.systemUTC()));
  }

  @Test
  void signsInTheDevelopmentGuestInDevelopment() throws Exception {
    FakeHttp.Recorded r = new FakeHttp.Recorded();
    provider("development", Map.of()).refresh(FakeHttp.request(Map.of()), r.response());
    assertEquals(200, r.status);
    assertTrue(r.body().contains("\"userEntityRef\":\"user:development\\/guest\"") || r.body().contains("\"userEntityRef\":\"user:development/guest\""), r.body());
    assertTrue(r.body().contains("\"displayName\":\"Guest\""), r.body());
  }

  @Test
  void refusesOutsideDevelopment() {
    GuestProvider guest = provider("production", Map.of());
    NotImplementedError e = assertThrows(NotImplementedError.class,
        () -> guest.refresh(FakeHttp.request(Map.of()), new FakeHttp.Recorded().response()));
    assertEquals(GuestProvider.REFUSED, e.getMessage());
    assertTrue(e.getMessage().contains("auth.providers.guest.dangerouslyAllowOutsideDevelopment: true"));
    assertEquals(501, e.statusCode());
  }

  @Test
  void dangerouslyAllowOutsideDevelopmentLetsTheConfiguredUserIn() throws Exception {
    GuestProvider guest = provider("production", Map.of(
        "dangerouslyAllowOutsideDevelopment", true, "userEntityRef", "user:default/admin",
        "ownershipEntityRefs", List.of("user:default/admin", "group:default/admins")));
    String token = (String) ((Map<?, ?>) guest.createGuestSession().get("backstageIdentity")).get("token");
    assertEquals("user:default/admin", JWTParser.parse(token).getJWTClaimsSet().getSubject());
    assertEquals(List.of("user:default/admin", "group:default/admins"), JWTParser.parse(token).getJWTClaimsSet().getStringListClaim("ent"));
  }

  @Test
  void theRedirectFlowSetsTheUserCookieAndGoesBackToTheApp() throws Exception {
    FakeHttp.Recorded r = new FakeHttp.Recorded();
    provider("development", Map.of()).frameHandler(
        FakeHttp.request(Map.of("flow", "redirect", "redirectUrl", APP + "/examples")), r.response());
    assertEquals(302, r.status);
    assertEquals(APP + "/examples", r.header("Location"));
    assertEquals(1, cookies.size());
  }

  @Test
  void theRedirectFlowRefusesAForeignOriginAndOutsideDevelopmentSaysWhyToTheApp() throws Exception {
    assertThrows(NotAllowedError.class, () -> provider("development", Map.of()).frameHandler(
        FakeHttp.request(Map.of("flow", "redirect", "redirectUrl", "https://evil.example/x")), new FakeHttp.Recorded().response()));
    FakeHttp.Recorded r = new FakeHttp.Recorded();
    provider("production", Map.of()).frameHandler(
        FakeHttp.request(Map.of("flow", "redirect", "redirectUrl", APP + "/examples")), r.response());
    assertEquals(302, r.status);
    assertTrue(r.header("Location").startsWith(APP + "?error=The+guest+provider+is+NOT+recommended"), r.header("Location"));
    assertTrue(cookies.isEmpty());
  }
}
