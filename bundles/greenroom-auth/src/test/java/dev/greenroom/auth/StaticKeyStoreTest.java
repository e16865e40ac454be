package dev.greenroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.services.AuthService;
import dev.greenroom.backend.api.services.BackstageServicePrincipal;
import dev.greenroom.backend.runtime.BackendStartupError;
import dev.greenroom.backend.test.base.TestBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * backend.auth.pluginKeyStore type static: key files shared by replicas; the first pair signs.
 * Two TestBackends play two replicas of the same backend (plugins a and b on each).
 */
class StaticKeyStoreTest {
  @TempDir Path dir;

  private Map<String, Object> key(String name, String keyId, boolean withPrivate, String algorithm) {
    Map<String, Object> k = new HashMap<>();
    k.put("publicKeyFile", dir.resolve(name + ".pub.pem").toString());
    if (withPrivate) {
      k.put("privateKeyFile", dir.resolve(name + ".key.pem").toString());
    }
    k.put("keyId", keyId);
    if (algorithm != null) {
      k.put("algorithm", algorithm);
    }
    return k;
  }

  private static Map<String, Object> store(Object... keys) {
    return Map.of("backend", Map.of("auth", Map.of("pluginKeyStore",
        Map.of("type", "static", "static", Map.of("keys", List.of(keys))))));
  }

  private static TestBackend replica(Map<String, Object> config) {
    return AuthBackends.start(config, Clock.systemUTC(), new TestDiscovery(), "a", "b");
  }

  @Test
  void aTokenSignedByOneReplicaVerifiesAtTheOther() throws Exception {
    PemFiles.ec(dir, "k1");
    Map<String, Object> config = store(key("k1", "key-1", true, null));
    try (TestBackend one = replica(config); TestBackend two = replica(config)) {
      AuthService aAtOne = one.service(CoreServices.AUTH, "a");
      String token = aAtOne.getPluginRequestToken(aAtOne.getOwnServiceCredentials(), "b").token();

      assertEquals("key-1", SignedJWT.parse(token).getHeader().getKeyID());
      assertEquals("ES256", SignedJWT.parse(token).getHeader().getAlgorithm().getName());
      assertEquals(new BackstageServicePrincipal("plugin:a"),
          two.service(CoreServices.AUTH, "b").authenticate(token).principal());
      List<Map<String, Object>> jwks = two.service(CoreServices.AUTH, "a").listPublicServiceKeys();
      assertEquals(List.of("key-1"), jwks.stream().map(k -> k.get("kid")).toList());
      assertFalse(jwks.get(0).containsKey("d"), "never the private part");
    }
  }

  @Test
  void theFirstPairSignsAndEveryPublicKeyIsListedSoARotationKeepsOldTokensValid() throws Exception {
    PemFiles.ec(dir, "old");
    PemFiles.rsa(dir, "new");
    // replica one still signs with the old key; replica two was rotated: the new key first
    try (TestBackend one = replica(store(key("old", "old-key", true, null)));
        TestBackend two = replica(store(key("new", "new-key", true, "RS256"), key("old", "old-key", false, null)))) {
      AuthService aAtOne = one.service(CoreServices.AUTH, "a");
      AuthService aAtTwo = two.service(CoreServices.AUTH, "a");
      String oldToken = aAtOne.getPluginRequestToken(aAtOne.getOwnServiceCredentials(), "b").token();
      String newToken = aAtTwo.getPluginRequestToken(aAtTwo.getOwnServiceCredentials(), "b").token();

      assertEquals("RS256", SignedJWT.parse(newToken).getHeader().getAlgorithm().getName());
      assertEquals(List.of("new-key", "old-key"),
          aAtTwo.listPublicServiceKeys().stream().map(k -> k.get("kid")).toList());
      assertEquals(new BackstageServicePrincipal("plugin:a"),
          two.service(CoreServices.AUTH, "b").authenticate(oldToken).principal());
      assertEquals(new BackstageServicePrincipal("plugin:a"),
          two.service(CoreServices.AUTH, "b").authenticate(newToken).principal());
    }
  }

  private String startupError(Map<String, Object> config) {
    BackendStartupError e = assertThrows(BackendStartupError.class, () -> replica(config).close());
    return e.result().plugins().stream()
        .filter(p -> p.failure() != null)
        .findFirst()
        .orElseThrow()
        .failure()
        .error()
        .getMessage();
  }

  @Test
  void anUnreadableKeyFileIsAStartupErrorNamingTheKeyAndTheFile() {
    String missing = dir.resolve("missing.pub.pem").toString();
    String message = startupError(store(Map.of("publicKeyFile", missing, "keyId", "k")));
    assertTrue(message.contains("Failed to read key file '" + missing + "': NoSuchFileException"), message);
    assertTrue(message.contains("at 'backend.auth.pluginKeyStore.static.keys[0].publicKeyFile'"), message);
  }

  @Test
  void aFileWithoutTheRightKeyIsAStartupErrorNamingTheKeyAndTheFile() throws Exception {
    PemFiles.ec(dir, "k1");
    Files.writeString(dir.resolve("garbage.pem"), "not a key\n");
    Map<String, Object> swapped = key("k1", "k", true, null);
    swapped.put("privateKeyFile", dir.resolve("k1.pub.pem").toString());
    String message = startupError(store(swapped));
    assertTrue(message.contains("The file '" + dir.resolve("k1.pub.pem") + "' is not a PEM file with a "
        + "'-----BEGIN PRIVATE KEY-----' block at 'backend.auth.pluginKeyStore.static.keys[0].privateKeyFile'"),
        message);

    Map<String, Object> garbage = key("k1", "k", true, null);
    garbage.put("publicKeyFile", dir.resolve("garbage.pem").toString());
    assertTrue(startupError(store(garbage)).contains("garbage.pem"));

    // an EC key declared as RS256
    String wrongAlgorithm = startupError(store(key("k1", "k", true, "RS256")));
    assertTrue(wrongAlgorithm.contains("holds no RSA public key for algorithm RS256")
        && wrongAlgorithm.contains("at 'backend.auth.pluginKeyStore.static.keys[0].publicKeyFile'"), wrongAlgorithm);
  }

  @Test
  void invalidEntriesAreStartupErrorsWithBackstagesMessages() throws Exception {
    PemFiles.ec(dir, "k1");
    assertTrue(startupError(store()).contains("At least one key pair must be provided in static.keys, when the "
        + "static key store type is used at 'backend.auth.pluginKeyStore.static.keys'"));
    assertTrue(startupError(store(key("k1", "k", false, null))).contains("Private key for signing must be provided "
        + "in the first key pair in static.keys, when the static key store type is used at "
        + "'backend.auth.pluginKeyStore.static.keys[0].privateKeyFile'"));
    Map<String, Object> noKeyId = key("k1", "k", true, null);
    noKeyId.remove("keyId");
    assertTrue(startupError(store(noKeyId)).contains("backend.auth.pluginKeyStore.static.keys[0].keyId"));
    assertTrue(startupError(store(key("k1", "k", true, "HS256"))).contains(
        "Unsupported algorithm 'HS256'"));
  }

  @Test
  void anUnknownTypeIsAStartupErrorNamingTheKey() {
    String message = startupError(Map.of("backend", Map.of("auth", Map.of("pluginKeyStore", Map.of("type", "vault")))));
    assertTrue(message.contains("Unsupported config value backend.auth.pluginKeyStore.type 'vault'; expected one "
        + "of 'database', 'static', 'memory' at 'backend.auth.pluginKeyStore.type'"), message);
  }
}
