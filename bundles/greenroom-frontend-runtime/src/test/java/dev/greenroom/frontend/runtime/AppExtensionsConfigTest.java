package dev.greenroom.frontend.runtime;

import static dev.greenroom.frontend.runtime.Fx.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.frontend.api.AttachmentPoint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every entry form and message of upstream's frontend-app-api/src/tree/readAppExtensionsConfig.ts. */
class AppExtensionsConfigTest {

  private static String error(Object entry) {
    return assertThrows(IllegalArgumentException.class, () -> AppExtensionsConfig.read(Arrays.asList("ok", entry)))
        .getMessage();
  }

  @Test
  void absentIsEmptyAndNonArrayIsATypeError() {
    assertEquals(List.of(), AppExtensionsConfig.read(null));
    assertEquals(
        "Invalid type in config for key 'app.extensions', got object, wanted object-array",
        assertThrows(IllegalArgumentException.class, () -> AppExtensionsConfig.read(Map.of())).getMessage());
  }

  @Test
  void acceptedForms() {
    Map<String, Object> nullValue = new java.util.HashMap<>();
    nullValue.put("c", null);
    List<ExtensionParameters> p =
        AppExtensionsConfig.read(
            List.of(
                "a",
                nullValue,
                m("d", true),
                m("e", false),
                m("f", "true"),
                m("g", "false"),
                m("h", m("attachTo", m("id", "x", "input", "y"), "disabled", "true", "config", m("k", 1))),
                m("i", m())));
    assertEquals(new ExtensionParameters("a", null, false, null), p.get(0));
    assertEquals(new ExtensionParameters("c", null, false, null), p.get(1));
    assertEquals(new ExtensionParameters("d", null, false, null), p.get(2));
    assertEquals(new ExtensionParameters("e", null, true, null), p.get(3));
    assertEquals(new ExtensionParameters("f", null, false, null), p.get(4));
    assertEquals(new ExtensionParameters("g", null, true, null), p.get(5));
    assertEquals(
        new ExtensionParameters("h", new AttachmentPoint("x", "y"), true, Map.of("k", 1)), p.get(6));
    assertEquals(new ExtensionParameters("i", null, null, null), p.get(7));
  }

  @Test
  void entryMessages() {
    assertEquals("Invalid extension configuration at app.extensions[1], must be a string or an object", error(3));
    assertEquals("Invalid extension configuration at app.extensions[1], must be a string or an object", error(List.of()));
    assertEquals("Invalid extension configuration at app.extensions[1], must have exactly one key, got none", error(m()));
    assertEquals(
        "Invalid extension configuration at app.extensions[1], must have exactly one key, got 'a', 'b'",
        error(m("a", true, "b", true)));
    assertEquals(
        "Invalid extension configuration at app.extensions[1], extension ID must not be empty or contain whitespace",
        error(""));
    assertEquals(
        "Invalid extension configuration at app.extensions[1], extension ID must not be empty or contain whitespace",
        error(m(" a", true)));
    assertEquals(
        "Invalid extension configuration at app.extensions[1][a], value must be a boolean, 'true', 'false', or object",
        error(m("a", "yes")));
    assertEquals(
        "Invalid extension configuration at app.extensions[1][a], value must be a boolean, 'true', 'false', or object",
        error(m("a", List.of())));
  }

  @Test
  void objectEntryMessages() {
    assertEquals("Invalid extension configuration at app.extensions[1][a].attachTo, must be an object",
        error(m("a", m("attachTo", "x"))));
    assertEquals("Invalid extension configuration at app.extensions[1][a].attachTo.id, must be a non-empty string",
        error(m("a", m("attachTo", m("id", "", "input", "i")))));
    assertEquals("Invalid extension configuration at app.extensions[1][a].attachTo.input, must be a non-empty string",
        error(m("a", m("attachTo", m("id", "x", "input", 2)))));
    assertEquals("Invalid extension configuration at app.extensions[1][a].disabled, must be a boolean, 'true', or 'false'",
        error(m("a", m("disabled", "no"))));
    assertEquals("Invalid extension configuration at app.extensions[1][a].config, must be an object",
        error(m("a", m("config", List.of()))));
    assertEquals(
        "Invalid extension configuration at app.extensions[1][a].if, x, unknown parameter; expected one of"
            + " 'attachTo', 'disabled', 'config'",
        error(m("a", m("if", true, "x", 1))));
  }
}
