package dev.greenroom.itests.services;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import org.junit.Before;
import org.junit.Test;

/** {@code permission.enabled} unset (Backstage's default): every request is allowed, with no policy installed. */
public class PermissionsDisabledIT extends PermissionsSupport {
  @Before
  public void ready() throws Exception {
    awaitReady(Duration.ofSeconds(60));
  }

  @Test
  public void disabledAllowsWithoutAPolicy() throws Exception {
    if (findBundle(ALLOW_ALL_BSN) != null) {
      findBundle(ALLOW_ALL_BSN).stop(); // no policy at all, still allowed
    }
    awaitCheck("alice", "\"ALLOW\"", Duration.ofSeconds(30));
    assertEquals("\"ALLOW\"", check("bob"));
  }
}
