package dev.greenroom.config.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.config.internal.PaxWebListen;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Pax Web PID replaced by a deployed .cfg keeps backend.listen's keys; keys it names stay. */
class ListenKeysPluginTest {
  private final ListenKeysPlugin plugin =
      new ListenKeysPlugin(Map.of(PaxWebListen.PORT, "7430", PaxWebListen.ADDRESSES, "127.0.0.1"));

  @Test
  void missingListenKeysAreFilledIn() {
    Hashtable<String, Object> props = new Hashtable<>(Map.of("service.pid", PaxWebListen.PID,
        "org.ops4j.pax.web.server.maxThreads", "50"));
    plugin.modifyConfiguration(null, props);
    assertEquals("7430", props.get(PaxWebListen.PORT));
    assertEquals("127.0.0.1", props.get(PaxWebListen.ADDRESSES));
    assertEquals("50", props.get("org.ops4j.pax.web.server.maxThreads"));
  }

  @Test
  void keysThePidNamesAndOtherPidsAreLeftAlone() {
    Hashtable<String, Object> named = new Hashtable<>(Map.of("service.pid", PaxWebListen.PID, PaxWebListen.PORT, "7431"));
    plugin.modifyConfiguration(null, named);
    assertEquals("7431", named.get(PaxWebListen.PORT));
    Hashtable<String, Object> other = new Hashtable<>(Map.of("service.pid", "greenroom.plugin.todo"));
    plugin.modifyConfiguration(null, other);
    assertEquals(Map.of("service.pid", "greenroom.plugin.todo"), Map.copyOf(other));
  }
}
