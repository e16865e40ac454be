package dev.greenroom.state.http.internal.osgi;

import dev.greenroom.backend.api.BackendFeature;
import dev.greenroom.backend.api.annotations.GreenroomPlugin;
import dev.greenroom.backend.runtime.state.GreenroomRuntime;
import dev.greenroom.state.http.internal.StatePlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Registers plugin {@code greenroom} once the runtime's state service is there. */
@GreenroomPlugin(id = StatePlugin.PLUGIN_ID)
@Component(service = BackendFeature.class)
public class StatePluginComponent extends StatePlugin {
  @Activate
  public StatePluginComponent(@Reference GreenroomRuntime runtime) {
    super(runtime);
  }
}
