package dev.greenroom.backend.api;

import dev.greenroom.backend.api.annotations.GreenroomModule;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A module (Backstage's {@code createBackendModule}): extends exactly one plugin, named by {@code
 * pluginId}. Its init runs before the plugin's; it may use the plugin's extension points and offer
 * extension points to the plugin's other modules. In a bundle, name it once in {@link
 * GreenroomModule}:
 *
 * <pre>{@code
 * @GreenroomModule(pluginId = "todo", moduleId = "validator")
 * @Component(service = BackendFeature.class)
 * public class TodoValidatorModule extends BackendModule {
 *   @Override
 *   protected void register(RegistrationPoints env) {
 *     env.registerInit(TodoExtensionPoints.VALIDATORS, validators -> validators.add(...));
 *   }
 * }
 * }</pre>
 */
public abstract class BackendModule implements RegistrationsFeature {
  private final String pluginId;
  private final String moduleId;

  /** A module whose ids are the {@link GreenroomModule} on its class. */
  protected BackendModule() {
    GreenroomModule ids = AnnotatedIds.module(getClass());
    this.pluginId = ids.pluginId();
    this.moduleId = ids.moduleId();
  }

  /** A module with these ids; prefer {@link GreenroomModule} on a bundle's module class. */
  protected BackendModule(String pluginId, String moduleId) {
    FeatureIds.validatePluginId(pluginId);
    FeatureIds.validateModuleId(pluginId, moduleId);
    this.pluginId = pluginId;
    this.moduleId = moduleId;
  }

  /** A module from a register callback (Backstage's {@code createBackendModule}). */
  public static BackendModule create(
      String pluginId, String moduleId, Consumer<RegistrationPoints> register) {
    Objects.requireNonNull(register, "register");
    return new BackendModule(pluginId, moduleId) {
      @Override
      protected void register(RegistrationPoints env) {
        register.accept(env);
      }
    };
  }

  /** The id of the plugin this module extends. */
  public final String pluginId() {
    return pluginId;
  }

  /** The module id, unique within its plugin. */
  public final String moduleId() {
    return moduleId;
  }

  /** Uses or offers extension points and registers the init; see {@link RegistrationPoints}. */
  protected abstract void register(RegistrationPoints env);

  @Override
  public final List<Registration> getRegistrations() {
    return List.of(RegistrationPass.run(Registration.MODULE, pluginId, moduleId, this::register));
  }

  @Override
  public String toString() {
    return "BackendModule{pluginId=" + pluginId + ", moduleId=" + moduleId + "}";
  }
}
