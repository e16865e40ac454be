package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.test.base.TestBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing keys rotate hourly; public keys stay listed until every token they signed expired. */
class KeyRotationTest {
  @Test
  void keysRotateAndOldOnesStayVerifiableUntilTheirTokensExpire() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    try (TestBackend backend = AuthBackends.start(Map.of(), clock, new TestDiscovery(), "a", "b")) {
      AuthService a = backend.service(CoreServices.AUTH, "a");
      AuthService b = backend.service(CoreServices.AUTH, "b");

      a.getPluginRequestToken(a.getOwnServiceCredentials(), "b"); // makes the first key at 00:00
      clock.advance(Duration.ofMinutes(59));
      String first = a.getPluginRequestToken(a.getOwnServiceCredentials(), "b").token();
      clock.advance(Duration.ofMinutes(1));
      String second = a.getPluginRequestToken(a.getOwnServiceCredentials(), "b").token();

      String firstKid = SignedJWT.parse(first).getHeader().getKeyID();
      String secondKid = SignedJWT.parse(second).getHeader().getKeyID();
      assertNotEquals(firstKid, secondKid, "a new key after one hour");
      assertEquals(List.of(firstKid, secondKid), kids(a));
      // the first token was signed at the end of its key's life and is still valid
      clock.advance(Duration.ofMinutes(58));
      assertEquals(new BackstageServicePrincipal("plugin:a"), b.authenticate(first).principal());
      assertEquals(new BackstageServicePrincipal("plugin:a"), b.authenticate(second).principal());

      // 3 h after the first key was made it is withdrawn; the second stays
      clock.advance(Duration.ofMinutes(62));
      assertEquals(List.of(secondKid), kids(a));
      assertThrows(AuthenticationError.class, () -> b.authenticate(first));
    }
  }

  private static List<Object> kids(AuthService auth) {
    return auth.listPublicServiceKeys().stream().map(k -> k.get("kid")).toList();
  }
}
