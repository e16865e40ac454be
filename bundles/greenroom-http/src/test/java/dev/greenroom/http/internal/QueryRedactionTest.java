package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class QueryRedactionTest {
  @Test
  void tokenLikeValuesAreMaskedAndEverythingElseKept() {
    assertEquals("token=***&x=1", QueryRedaction.query("token=abc&x=1"));
    assertEquals("x=1&access_token=***", QueryRedaction.query("x=1&access_token=abc"));
    assertEquals("code=***&state=s", QueryRedaction.query("code=4/0Ad&state=s"));
    assertEquals("ID_TOKEN=***&backstageToken=***&x-auth-token=***",
        QueryRedaction.query("ID_TOKEN=a&backstageToken=b&x-auth-token=c"));
    assertEquals("client%5Fsecret=***", QueryRedaction.query("client%5Fsecret=s"));
    assertEquals("/a?password=***&sig=***", QueryRedaction.url("/a", "password=p&sig=q"));
  }

  @Test
  void queriesWithoutSecretsAreReturnedAsTheyAre() {
    String q = "filter=kind=component&limit=20&tokenize=1&x";
    assertSame(q, QueryRedaction.query(q));
    assertEquals("token&token=", QueryRedaction.query("token&token="));
    assertEquals("/a", QueryRedaction.url("/a", null));
    assertEquals("&&token=***&", QueryRedaction.query("&&token=t&"));
  }
}
