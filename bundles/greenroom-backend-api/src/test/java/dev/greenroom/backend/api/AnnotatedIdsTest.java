package dev.greenroom.backend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.spi.Registration;
import org.junit.jupiter.api.Test;

/** A bundle's plugin or module class names its ids once, in its bundle annotation. */
class AnnotatedIdsTest {
  @GreenroomPlugin(id = "todo")
  static class TodoPlugin extends BackendPlugin {
    @Override
    protected void register(RegistrationPoints env) {
      env.registerInit(() -> {});
    }
  }

  @GreenroomModule(pluginId = "todo", moduleId = "not-blank")
  static class NotBlankModule extends BackendModule {
    @Override
    protected void register(RegistrationPoints env) {
      env.registerInit(() -> {});
    }
  }

  static class Unannotated extends BackendPlugin {
    @Override
    protected void register(RegistrationPoints env) {}
  }

  @GreenroomPlugin(id = "Bad Id")
  static class BadId extends BackendPlugin {
    @Override
    protected void register(RegistrationPoints env) {}
  }

  @GreenroomModule(pluginId = "todo", moduleId = "old_style")
  static class LegacyModule extends BackendModule {
    @Override
    protected void register(RegistrationPoints env) {}
  }

  @Test
  void aPluginReadsItsIdFromItsAnnotation() {
    TodoPlugin plugin = new TodoPlugin();
    assertEquals("todo", plugin.pluginId());
    Registration r = plugin.getRegistrations().get(0);
    assertEquals("todo", r.pluginId());
    assertEquals(Registration.PLUGIN, r.type());
  }

  @Test
  void aModuleReadsBothIdsFromItsAnnotation() {
    NotBlankModule module = new NotBlankModule();
    assertEquals("todo", module.pluginId());
    assertEquals("not-blank", module.moduleId());
    assertEquals("not-blank", module.getRegistrations().get(0).moduleId());
  }

  @Test
  void aClassWithoutTheAnnotationIsNamedInTheError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, Unannotated::new);
    assertEquals(
        Unannotated.class.getName() + " extends BackendPlugin without @GreenroomPlugin(id = \"...\"): "
            + "annotate it, or pass the id to BackendPlugin(String)",
        e.getMessage());
  }

  @Test
  void anInvalidAnnotatedIdGetsBackstagesMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, BadId::new);
    assertEquals(
        "Invalid pluginId 'Bad Id', must match the pattern /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i "
            + "(letters, digits, and dashes only, starting with a letter)",
        e.getMessage());
  }

  @Test
  void aLegacyModuleIdIsAcceptedAsUpstreamDoes() {
    assertEquals("old_style", new LegacyModule().moduleId());
  }
}
