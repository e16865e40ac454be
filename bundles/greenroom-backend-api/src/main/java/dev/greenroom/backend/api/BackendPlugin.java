package dev.greenroom.backend.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A backend plugin. Either {@link #create(String, Consumer) create} one from a register callback, or
 * extend this class (handy for a DS component that registers the plugin as a {@link
 * BackendFeature} service) and implement {@link #register(RegistrationPoints)}.
 *
 * <p>{@code register} may run several times and must be side-effect free: do the work in init.
 */
public abstract class BackendPlugin implements RegistrationsFeature {
  private final String pluginId;

  protected BackendPlugin(String pluginId) {
    FeatureIds.validatePluginId(pluginId);
    this.pluginId = pluginId;
  }

  public static BackendPlugin create(String pluginId, Consumer<RegistrationPoints> register) {
    Objects.requireNonNull(register, "register");
    return new BackendPlugin(pluginId) {
      @Override
      protected void register(RegistrationPoints env) {
        register.accept(env);
      }
    };
  }

  public final String pluginId() {
    return pluginId;
  }

  protected abstract void register(RegistrationPoints env);

  @Override
  public final List<Registration> getRegistrations() {
    return List.of(RegistrationPass.run(Registration.PLUGIN, pluginId, null, this::register));
  }

  @Override
  public String toString() {
    return "BackendPlugin{pluginId=" + pluginId + "}";
  }
}
