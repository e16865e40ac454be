package dev.greenroom.backend.api;

import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.api.spi.Registration;
import dev.greenroom.backend.api.spi.RegistrationsFeature;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A backend plugin (Backstage's {@code createBackendPlugin}). In a bundle, extend it and name the
 * plugin once, in {@link GreenroomPlugin}, which also puts the plugin's capability in the manifest:
 *
 * <pre>{@code
 * @GreenroomPlugin(id = "todo")
 * @Component(service = BackendFeature.class)
 * public class TodoPlugin extends BackendPlugin {
 *   @Override
 *   protected void register(RegistrationPoints env) {
 *     env.registerInit(CoreServices.LOGGER, CoreServices.HTTP_ROUTER, (logger, router) -> ...);
 *   }
 * }
 * }</pre>
 *
 * In plain Java (tests, an embedded backend), {@link #create(String, Consumer) create} one from a
 * register callback.
 *
 * <p>{@code register} may run several times (on every start of the plugin, which Greenroom may
 * restart live) and must be side-effect free: do the work in init.
 */
public abstract class BackendPlugin implements RegistrationsFeature {
  private final String pluginId;

  /** A plugin whose id is the {@link GreenroomPlugin#id()} on its class. */
  protected BackendPlugin() {
    this.pluginId = AnnotatedIds.pluginId(getClass());
  }

  /** A plugin with this id; prefer {@link GreenroomPlugin} on a bundle's plugin class. */
  protected BackendPlugin(String pluginId) {
    FeatureIds.validatePluginId(pluginId);
    this.pluginId = pluginId;
  }

  /** A plugin from a register callback (Backstage's {@code createBackendPlugin({ pluginId, register })}). */
  public static BackendPlugin create(String pluginId, Consumer<RegistrationPoints> register) {
    Objects.requireNonNull(register, "register");
    return new BackendPlugin(pluginId) {
      @Override
      protected void register(RegistrationPoints env) {
        register.accept(env);
      }
    };
  }

  /** The plugin id. */
  public final String pluginId() {
    return pluginId;
  }

  /** Offers extension points and registers the init; see {@link RegistrationPoints}. */
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
