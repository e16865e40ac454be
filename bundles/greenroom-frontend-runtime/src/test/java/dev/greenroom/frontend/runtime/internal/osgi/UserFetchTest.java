package dev.greenroom.frontend.runtime.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.frontend.api.BackendFetch;
import org.junit.jupiter.api.Test;

class UserFetchTest {
  @Test
  void anAnonymousVisitorsReadIsNotSentAndAsksForSignIn() throws Exception {
    // no auth service, no discovery: the read must not get as far as asking for a token
    UserFetch fetch = new UserFetch(null, null, null);
    assertEquals(UserFetch.Outcome.OK, fetch.outcome());
    BackendFetch.Response r = fetch.get("example", "/examples");
    assertEquals(401, r.status());
    assertEquals(UserFetch.Outcome.SIGN_IN, fetch.outcome());
  }
}
