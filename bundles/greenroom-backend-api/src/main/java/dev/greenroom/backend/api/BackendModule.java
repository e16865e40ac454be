package dev.greenroom.backend.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A module: extends exactly one plugin, named by {@code pluginId}. Its init runs before the
 * plugin's; it may use the plugin's extension points and offer extension points to the plugin's
 * other modules.
 */
public abstract class BackendModule implements RegistrationsFeature {
  private final String pluginId;
  private final String moduleId;

  protected BackendModule(String pluginId, String moduleId) {
    FeatureIds.validatePluginId(pluginId);
    FeatureIds.validateModuleId(pluginId, moduleId);
    this.pluginId = pluginId;
    this.moduleId = moduleId;
  }

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

  public final String pluginId() {
    return pluginId;
  }

  public final String moduleId() {
    return moduleId;
  }

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
