package dev.greenroom.state.http.internal;

import dev.greenroom.backend.api.BackendPlugin;
import dev.greenroom.backend.api.CoreServices;
import dev.greenroom.backend.api.Deps;
import dev.greenroom.backend.api.RegistrationPoints;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;

/** Plugin {@code greenroom}: mounts {@link StateRoutes} on its router. Plain Java; OSGi wires the runtime in. */
public class StatePlugin extends BackendPlugin {
  public static final String PLUGIN_ID = "greenroom";
  private final GreenroomRuntime runtime;

  public StatePlugin(GreenroomRuntime runtime) {
    super(PLUGIN_ID);
    this.runtime = runtime;
  }

  @Override
  protected void register(RegistrationPoints env) {
    env.registerInit(Deps.of(CoreServices.HTTP_ROUTER, CoreServices.HTTP_AUTH), deps ->
        deps.get(CoreServices.HTTP_ROUTER).use(StateRoutes.servlet(runtime, deps.get(CoreServices.HTTP_AUTH))));
  }
}
