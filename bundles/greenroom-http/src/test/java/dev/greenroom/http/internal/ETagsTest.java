package dev.greenroom.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ETagsTest {
  @Test
  void weakTagsAreExpresss() {
    // the values Backstage (express 4, etag 1.8) sent for these bodies
    assertEquals("W/\"f-tIE5/JLRlFpgac6nlesY1L1441c\"", ETags.weak("{\"plugin\":\"p0\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("W/\"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg\"", ETags.weak("{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("W/\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"", ETags.weak(new byte[0]));
  }
}
