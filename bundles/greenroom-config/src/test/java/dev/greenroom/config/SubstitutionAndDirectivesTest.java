package dev.greenroom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubstitutionAndDirectivesTest {
  @TempDir Path tmp;

  @Test
  void substitutesVariablesFallbacksAndEscapes() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", String.join("\n",
        "a: https://${HOST}:${ PORT }/x",
        "b: ${MISSING:-fallback}",
        "c: ${EMPTY:-used-for-empty}",
        "d: $${HOST} stays",
        "e: token ${MISSING}",
        "f: [x, '${MISSING}', y]",
        ""));
    LiveRootConfig config = c.load(Map.of("HOST", " example.com ", "PORT", "443", "EMPTY", ""));
    assertEquals("https://example.com:443/x", config.getString("a"));
    assertEquals("fallback", config.getString("b"));
    assertEquals("used-for-empty", config.getString("c"));
    assertEquals("${HOST} stays", config.getString("d"));
    assertFalse(config.has("e"), "an unset variable makes the whole value undefined");
    assertEquals(List.of("x", "y"), config.getStringArray("f"));
  }

  @Test
  void envFileAndIncludeDirectivesRelativeToTheIncludingFile() {
    TempConfig c = new TempConfig(tmp);
    c.write("secrets/token.txt", "s3cret\n\n");
    c.write("sub/part.yaml", "inner:\n  key: from-yaml\n  nested:\n    $file: ../secrets/token.txt\nother: 1\n");
    c.write("data.json", "{\"x\": {\"y\": 42}}");
    c.write("app-config.yaml", String.join("\n",
        "token:",
        "  $env: TOKEN",
        "secret:",
        "  $file: secrets/token.txt",
        "part:",
        "  $include: sub/part.yaml#inner",
        "number:",
        "  $include: data.json#x.y",
        "dynamic:",
        "  $include: ${WHICH}.json",
        ""));
    LiveRootConfig config = c.load(Map.of("TOKEN", "abc", "WHICH", "data"));
    assertEquals("abc", config.getString("token"));
    assertEquals("s3cret", config.getString("secret"));
    assertEquals("from-yaml", config.getString("part.key"));
    assertEquals("s3cret", config.getString("part.nested"), "$file inside an included file is relative to that file");
    assertEquals(42, config.getNumber("number"));
    assertEquals(42, config.getNumber("dynamic.x.y"));
  }

  @Test
  void anUnknownDirectiveIsAnError() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "backend:\n  secret:\n    $vault: x\n");
    ConfigException e = assertThrows(ConfigException.class, c::load);
    assertEquals("Failed to read config file at \"" + c.abs("app-config.yaml") + "\", error at .backend.secret, unknown include $vault",
        e.getMessage());
    assertEquals("backend.secret", e.key());
    assertEquals(c.abs("app-config.yaml"), e.file());
  }

  @Test
  void anUnreadableFileNamesFileAndKey() {
    TempConfig c = new TempConfig(tmp);
    c.write("app-config.yaml", "backend:\n  secret:\n    $file: missing.txt\n");
    ConfigException e = assertThrows(ConfigException.class, c::load);
    assertEquals("Failed to read config file at \"" + c.abs("app-config.yaml") + "\", error at .backend.secret, "
        + "failed to read file missing.txt, NotFoundError: failed to include \"" + c.abs("missing.txt") + "\", file does not exist",
        e.getMessage());
    assertEquals("backend.secret", e.key());
  }

  @Test
  void directiveMistakesUseBackstagesMessages() {
    TempConfig c = new TempConfig(tmp);
    String prefix = "Failed to read config file at \"" + c.abs("app-config.yaml") + "\", error at .a, ";
    c.write("app-config.yaml", "a:\n  $file: x.txt\n  other: 1\n");
    assertEquals(prefix + "include key $file should not have adjacent keys", assertThrows(ConfigException.class, c::load).getMessage());
    c.write("app-config.yaml", "a:\n  $env: [1]\n");
    assertEquals(prefix + "$env include value is not a string", assertThrows(ConfigException.class, c::load).getMessage());
    c.write("app-config.yaml", "a:\n  $include: ${NOPE}.yaml\n");
    assertEquals(prefix + "$include substitution value was undefined", assertThrows(ConfigException.class, c::load).getMessage());
    c.write("app-config.yaml", "a:\n  $include: notes.txt\n");
    assertEquals(prefix + "no configuration parser available for included file notes.txt",
        assertThrows(ConfigException.class, c::load).getMessage());
    c.write("inc.yaml", "x: 1\n");
    c.write("app-config.yaml", "a:\n  $include: inc.yaml#x.y\n");
    assertEquals(prefix + "value at 'x' in included file inc.yaml is not an object",
        assertThrows(ConfigException.class, c::load).getMessage());
  }
}
