package dev.greenroom.backend.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.errors.AuthenticationError;
import dev.greenroom.backend.api.services.AuthService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens and headers as Backstage's mockCredentials.test.ts spells them; the mock auth's answers and refusals. */
class MockCredentialsTest {
  private final AuthService auth = MockServices.auth("test");

  @Test
  void tokensAndHeadersAreBackstages() {
    assertEquals("Bearer mock-user-token", MockCredentials.User.header());
    assertEquals("mock-user-token:{\"sub\":\"user:default/other\"}", MockCredentials.User.token("user:default/other"));
    assertEquals("Bearer mock-invalid-user-token", MockCredentials.User.invalidHeader());
    assertEquals("mock-limited-user-token:{\"sub\":\"user:default/other\"}",
        MockCredentials.LimitedUser.token("user:default/other"));
    assertEquals("backstage-auth=mock-invalid-limited-user-token", MockCredentials.LimitedUser.invalidCookie());
    assertEquals("Bearer mock-service-token", MockCredentials.Service.header());
    assertEquals("mock-service-token:{\"sub\":\"plugin:other\",\"target\":\"test\"}",
        MockCredentials.Service.token(MockCredentials.service("plugin:other"), "test"));
    assertEquals("Bearer mock-none-token", MockCredentials.None.header());
  }

  @Test
  void aUserRefMustBeKindNamespaceName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MockCredentials.user("alice"));
    assertEquals("Invalid user entity reference 'alice', expected <kind>:<namespace>/<name>", e.getMessage());
  }

  @Test
  void theMockAuthTurnsTokensBackIntoCredentials() {
    assertEquals(MockCredentials.user(), auth.authenticate(MockCredentials.User.token()));
    assertEquals(MockCredentials.user("user:default/alice"), auth.authenticate(MockCredentials.User.token("user:default/alice")));
    assertEquals(MockCredentials.service(), auth.authenticate(MockCredentials.Service.token()));
    assertEquals(MockCredentials.service("plugin:catalog"), auth.authenticate(MockCredentials.Service.token("plugin:catalog")));
    assertEquals(MockCredentials.user("user:default/alice"),
        auth.authenticate(MockCredentials.Service.token(MockCredentials.user("user:default/alice"), "test")));
    assertEquals(MockCredentials.user(), auth.authenticate(MockCredentials.LimitedUser.token(), true));
  }

  @Test
  void badTokensAreRefusedWithBackstagesMessages() {
    assertEquals("User token is invalid", refusal(MockCredentials.User.invalidToken(), false));
    assertEquals("Limited user token is invalid", refusal(MockCredentials.LimitedUser.invalidToken(), true));
    assertEquals("Service token is invalid", refusal(MockCredentials.Service.invalidToken(), false));
    assertEquals("Token is empty", refusal("", false));
    assertEquals("Unknown mock token 'bad'", refusal("bad", false));
    assertEquals("Limited user token is not allowed", refusal(MockCredentials.LimitedUser.token(), false));
    assertEquals("Invalid mock token target plugin ID, got 'other' but expected 'test'",
        refusal(MockCredentials.Service.token(MockCredentials.service(), "other"), false));
  }

  @Test
  void pluginRequestTokensAreForTheTargetOnly() {
    String token = auth.getPluginRequestToken(MockCredentials.user("user:default/alice"), "catalog").token();
    assertEquals(MockCredentials.user("user:default/alice"), MockServices.auth("catalog").authenticate(token));
    assertThrows(AuthenticationError.class, () -> MockServices.auth("todo").authenticate(token));
    assertEquals("Refused to issue service token for credential type 'none'",
        assertThrows(AuthenticationError.class,
            () -> auth.getPluginRequestToken(MockCredentials.none(), "catalog")).getMessage());
    assertEquals(MockCredentials.service("plugin:test"), auth.getOwnServiceCredentials());
    assertEquals(List.of(), auth.listPublicServiceKeys());
  }

  private String refusal(String token, boolean allowLimited) {
    return assertThrows(AuthenticationError.class, () -> auth.authenticate(token, allowLimited)).getMessage();
  }
}
