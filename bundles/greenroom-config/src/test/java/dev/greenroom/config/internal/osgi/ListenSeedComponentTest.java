package dev.greenroom.config.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenroom.config.internal.PaxWebListen;
import dev.greenroom.http.internal.server.PaxWebServer;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.apache.felix.cm.PersistenceManager;
import org.apache.felix.cm.file.FilePersistenceManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed written into Felix ConfigAdmin's real file persistence manager, read back as ConfigAdmin reads it. */
class ListenSeedComponentTest {
  @TempDir java.nio.file.Path dir;

  @Test
  void aFreshStoreGetsThePidBoundToAnyBundle() throws Exception {
    PersistenceManager file = new FilePersistenceManager(null, dir.toString());
    ListenSeedComponent.store(file, Map.of(PaxWebListen.PORT, "7420", PaxWebListen.ADDRESSES, "127.0.0.1"));
    Dictionary<?, ?> stored = new SeededPersistenceManager(file).load(PaxWebListen.PID);
    assertEquals("org.ops4j.pax.web", stored.get("service.pid"));
    assertEquals("?", stored.get("service.bundleLocation"));
    assertEquals("7420", stored.get(PaxWebListen.PORT));
    assertEquals("127.0.0.1", stored.get(PaxWebListen.ADDRESSES));
  }

  @Test
  void otherPaxWebKeysAreKeptAndTheListenKeysReplaced() throws Exception {
    PersistenceManager file = new FilePersistenceManager(null, dir.toString());
    Hashtable<String, Object> before = new Hashtable<>();
    before.put("service.pid", PaxWebListen.PID);
    before.put(PaxWebListen.PORT, "7007");
    before.put("org.ops4j.pax.web.server.maxThreads", "50");
    file.store(PaxWebListen.PID, before);
    ListenSeedComponent.store(file, Map.of(PaxWebListen.PORT, "7421", PaxWebListen.ADDRESSES, "127.0.0.1"));
    Dictionary<?, ?> stored = file.load(PaxWebListen.PID);
    assertEquals("7421", stored.get(PaxWebListen.PORT));
    assertEquals("50", stored.get("org.ops4j.pax.web.server.maxThreads"));
  }

  @Test
  void unreadableConfigTurnsTheConnectorOffUntilAStartWithReadableConfig() throws Exception {
    PersistenceManager file = new FilePersistenceManager(null, dir.toString());
    ListenSeedComponent.disable(file);
    assertEquals("false", file.load(PaxWebListen.PID).get("org.osgi.service.http.enabled"));
    ListenSeedComponent.store(file, Map.of(PaxWebListen.PORT, "7422", PaxWebListen.ADDRESSES, "127.0.0.1"));
    Dictionary<?, ?> stored = file.load(PaxWebListen.PID);
    assertEquals(null, stored.get("org.osgi.service.http.enabled"));
    assertEquals("7422", stored.get(PaxWebListen.PORT));
  }

  @Test
  void aStartWithoutHttpsTakesAPreviousStartsSecureConnectorBack() throws Exception {
    PersistenceManager file = new FilePersistenceManager(null, dir.toString());
    Map<String, String> https = new java.util.HashMap<>(Map.of(PaxWebListen.PORT, "7423", PaxWebListen.ADDRESSES, "127.0.0.1"));
    https.putAll(PaxWebServer.https(7423, dir.resolve("keystore.p12"), "secret"));
    ListenSeedComponent.store(file, https);
    Dictionary<?, ?> secure = file.load(PaxWebListen.PID);
    assertEquals("true", secure.get(PaxWebServer.SECURE_ENABLED));
    assertEquals("false", secure.get(PaxWebServer.HTTP_ENABLED));
    assertEquals("7423", secure.get(PaxWebServer.SECURE_PORT));
    // the next start has no backend.https: what PaxWebServer.properties gives for plain HTTP
    ListenSeedComponent.store(file, Map.of(PaxWebListen.PORT, "7423", PaxWebListen.ADDRESSES, "127.0.0.1",
        PaxWebServer.HTTP_ENABLED, "true", PaxWebServer.SECURE_ENABLED, "false"));
    Dictionary<?, ?> plain = file.load(PaxWebListen.PID);
    assertEquals("true", plain.get(PaxWebServer.HTTP_ENABLED));
    assertEquals("false", plain.get(PaxWebServer.SECURE_ENABLED));
    assertEquals(null, plain.get(PaxWebServer.KEYSTORE));
    assertEquals(null, plain.get(PaxWebServer.KEYSTORE_PASSWORD));
  }

  @Test
  void anUnreadableHttpsConfigTurnsBothConnectorsOff() throws Exception {
    PersistenceManager file = new FilePersistenceManager(null, dir.toString());
    ListenSeedComponent.disable(file);
    assertEquals("false", file.load(PaxWebListen.PID).get(PaxWebServer.SECURE_ENABLED));
  }
}
